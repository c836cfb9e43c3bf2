package cn.gongkai.ledger.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.json.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in process: its output and its exit codes 0 (no problem), 1 (problems), 2 (unreadable). */
class ReportCliTest {
    /** The documented sample, as shipped in docs/examples (the tests run in the module's directory). */
    private static final Path SAMPLE = Path.of("../docs/examples/events-sample.jsonl");

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = ReportCli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out);
    }

    private Path example(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/examples/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void check_of_a_consistent_published_report_exits_0_with_an_empty_checks_list() throws IOException {
        assertThat(run("check", example("bazhou-commerce-2021.txt").toString())).isEqualTo(0);
        assertThat(json().path("checks")).isEmpty();
        assertThat(json().path("agency").path("name").asText()).isEqualTo("巴州商务局");
        assertThat(err).isEmpty();
    }

    @Test
    void check_flags_each_number_of_the_narrative_that_contradicts_the_tables() throws IOException {
        String published = Files.readString(example("bazhou-commerce-2021.txt"));
        String contradicting = published.replace("本报告年度,我局未收到依申请公开的受理件。",
                "本报告年度，我局共收到政府信息公开申请17件，予以公开及部分公开258件。");
        assertThat(contradicting).isNotEqualTo(published);

        assertThat(run("check", write("contradicting.txt", contradicting).toString())).isEqualTo(1);

        assertThat(json().path("checks").findValuesAsText("rule")).containsOnly("narrative");
        assertThat(json().path("checks").findValuesAsText("cell"))
                .containsExactly("table3/一/总计", "table3/三.一/总计 + table3/三.二/总计");
        assertThat(json().path("checks").get(0).path("message").asText()).contains("申请17件", "0");
    }

    @Test
    void the_narratives_of_the_shipped_published_reports_agree_with_their_tables() throws IOException {
        for (String name : List.of("bazhou-commerce-2021.txt", "laizhou-commerce-2023.txt", "ninghe-commerce-2020.txt",
                "panjin-commerce-2021.txt")) {
            run("check", example(name).toString());
            assertThat(json().path("checks").findValuesAsText("rule")).as(name).doesNotContain("narrative");
        }
    }

    @Test
    void check_of_a_report_with_blank_cells_exits_1_and_lists_them() throws IOException {
        assertThat(run("check", example("laizhou-commerce-2023.txt").toString())).isEqualTo(1);
        assertThat(json().path("checks").findValuesAsText("cell"))
                .containsExactly("table3/一/总计", "table3/二/总计", "table3/三.一/总计");
        assertThat(json().path("table3").path("一").path("总计").isNull()).isTrue();
    }

    @Test
    void check_reads_canonical_json_too_and_compares_with_last_years_report() throws IOException {
        assertThat(run("fold", SAMPLE.toString(), "--agency", "ninghe-commerce", "--year", "2024", "--format", "2021"))
                .isEqualTo(0);
        Path y2024 = write("2024.json", out);
        assertThat(run("fold", SAMPLE.toString(), "--agency", "ninghe-commerce", "--year", "2025", "--format", "2021"))
                .isEqualTo(0);
        Path y2025 = write("2025.json", "\uFEFF" + out);
        assertThat(run("check", y2025.toString(), "--last-year", y2024.toString())).isEqualTo(0);
        Path wrong = write("wrong.json", Files.readString(y2025).replaceFirst("\"二\" : \\{\\s*\"自然人\" : 1", "\"二\" : { \"自然人\" : 0"));
        assertThat(run("check", wrong.toString(), "--last-year", y2024.toString())).isEqualTo(1);
        assertThat(json().path("checks").findValuesAsText("rule")).contains("carry-over", "row-total", "column-identity");
    }

    @Test
    void fold_of_the_documented_sample_prints_the_report() throws IOException {
        assertThat(run("fold", SAMPLE.toString(), "--agency", "ninghe-commerce", "--year", "2024", "--format", "2021",
                "--appeal-policy", "FILED_IN_YEAR", "--as-of", "2025-01-20T09:00:00+08:00")).isEqualTo(0);
        JsonNode report = json();
        assertThat(report.path("agency").path("name").asText()).isEqualTo("天津市宁河区商务局");
        assertThat(report.path("asOf").asText()).isEqualTo("2025-01-20T09:00:00+08:00");
        assertThat(report.path("appealPolicy").asText()).isEqualTo("FILED_IN_YEAR");
        assertThat(report.path("table2").path("行政事业性收费").path("本年收费金额").asText()).isEqualTo("1.2345");
        assertThat(report.path("table2").path("行政许可").path("本年处理决定数量").asInt()).isEqualTo(152);
        assertThat(report.path("table3").path("一").path("总计").asInt()).isEqualTo(3);
        assertThat(report.path("table3").path("三.二").path("商业企业").asInt()).isEqualTo(1);
        assertThat(report.path("table3").path("四").path("自然人").asInt()).isEqualTo(1);
        assertThat(report.path("table4").path("复议.未审结").asInt()).isEqualTo(1);
        assertThat(run("fold", SAMPLE.toString(), "--agency", "ninghe-commerce", "--year", "2020", "--format", "2019"))
                .isEqualTo(0);
        assertThat(json().path("table3").has("三.六")).isTrue();
    }

    @Test
    void fold_of_a_history_with_a_gap_exits_2_naming_the_aggregate() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        String withoutSecond = lines.stream().filter(l -> !l.contains("\"eventId\":\"ninghe-commerce:2024-001#0\""))
                .collect(Collectors.joining("\n"));
        Path gapped = write("gapped.jsonl", withoutSecond);
        assertThat(run("fold", gapped.toString(), "--agency", "ninghe-commerce", "--year", "2024", "--format", "2021"))
                .isEqualTo(2);
        assertThat(err).contains("ninghe-commerce:2024-001").contains("MISSING_SEQUENCES").contains("[0]");
        assertThat(out).isEmpty();
    }

    @Test
    void unreadable_input_or_bad_arguments_exit_2_with_a_message() throws IOException {
        assertThat(run("check", dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err).contains("missing.txt: no such file");
        assertThat(run("check", write("notes.txt", "会议纪要\n今天开会。").toString())).isEqualTo(2);
        assertThat(err).contains("unreadable input").contains("table 三");
        assertThat(run("check", write("broken.json", "{\"year\": 2024, ").toString())).isEqualTo(2);
        assertThat(err).contains("not JSON");
        Path bad = write("bad.jsonl", Files.readString(SAMPLE) + "{\"type\":\"Nope\"}\n");
        assertThat(run("fold", bad.toString(), "--agency", "x", "--year", "2024", "--format", "2021")).isEqualTo(2);
        assertThat(err).contains("line 12");
        assertThat(run("fold", SAMPLE.toString(), "--year", "2024", "--format", "2021")).isEqualTo(2);
        assertThat(err).contains("missing --agency").contains("usage:");
        assertThat(run("fold", SAMPLE.toString(), "--agency", "x", "--year", "2024", "--format", "2018")).isEqualTo(2);
        assertThat(run("fold", SAMPLE.toString(), "--agency", "x", "--year", "MMXXIV", "--format", "2021")).isEqualTo(2);
        assertThat(run("fold", SAMPLE.toString(), "--agency", "x", "--year", "2024", "--format")).isEqualTo(2);
        assertThat(run("publish")).isEqualTo(2);
        assertThat(err).contains("unknown command: publish");
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void diff_exits_0_for_equal_reports_and_1_listing_the_cells_that_differ() throws IOException {
        Path laizhou = example("laizhou-commerce-2023.txt");
        assertThat(run("diff", laizhou.toString(), laizhou.toString())).isEqualTo(0);
        assertThat(json()).isEmpty();
        Path revised = write("revised.txt", Files.readString(laizhou).replace("行政规范性文件\t4\t4\t4", "行政规范性文件\t4\t3\t5"));
        assertThat(run("diff", laizhou.toString(), revised.toString())).isEqualTo(1);
        assertThat(json().toString()).isEqualTo("[{\"cell\":\"table2/行政规范性文件/本年废止件数\",\"before\":4,\"after\":3},"
                + "{\"cell\":\"table2/行政规范性文件/现行有效件数\",\"before\":4,\"after\":5}]");
    }

    @Test
    void the_sample_is_valid_event_json() throws IOException {
        List<EventEnvelope> events = Files.readAllLines(SAMPLE).stream().map(EventJson::read).toList();
        assertThat(events).hasSize(11);
    }
}
