package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel 台账 import over the running system: a 2,000-row register with 20 rows it cannot understand — all 20
 * reported with their cells, the rest imported through the aggregates, the served report equal to the fold, a
 * second import changing nothing.
 */
class LedgerImportTest {
    private static final String AGENCY = "tz-agency";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADERS = List.of("受理时间", "申请人", "申请人类型", "申请方式", "申请内容", "办理结果",
            "答复日期", "延期", "延期日期", "补正", "补正提交日期");
    private static final String[] TYPES = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
    private static final String[] CHANNELS = {"当面", "互联网平台", "挂号/快递", "电子邮件"};
    private static final String[] OUTCOMES = {"予以公开", "部分公开", "本机关不掌握相关政府信息", "重复申请", "属于国家秘密", "撤回", ""};

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static Http http;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDir);
        http = ledger.http();
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"台账测试局\"}").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** A bad row: the cells to put in it, the column the problem is reported in and the cell it shows. */
    private record Bad(Map<String, String> cells, String column, String cell) {
    }

    private static List<Bad> badRows() {
        List<Bad> bad = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bad.add(new Bad(Map.of("受理时间", "2024-02-3" + i), "受理时间", "2024-02-3" + i));
            bad.add(new Bad(Map.of("申请人类型", "外星人" + i), "申请人类型", "外星人" + i));
            bad.add(new Bad(Map.of("办理结果", "随便处理" + i), "办理结果", "随便处理" + i));
            bad.add(new Bad(Map.of("申请人", ""), "申请人", ""));
            bad.add(new Bad(Map.of("延期", (21 + i) + "个工作日"), "延期", (21 + i) + "个工作日"));
        }
        return bad;
    }

    private static Map<String, String> goodRow(int i) {
        LocalDate received = LocalDate.of(2024, 1, 2).plusDays(i % 330);
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("受理时间", received.toString());
        cells.put("申请人", "申请人" + i);
        cells.put("申请人类型", TYPES[i % TYPES.length]);
        cells.put("申请方式", CHANNELS[i % CHANNELS.length]);
        cells.put("申请内容", "第" + i + "号申请所需信息");
        String outcome = OUTCOMES[i % OUTCOMES.length];
        cells.put("办理结果", outcome);
        cells.put("答复日期", outcome.isEmpty() ? "" : received.plusDays(12).toString());
        if (i % 10 == 3) {
            cells.put("延期", "15");
            cells.put("延期日期", received.plusDays(6).toString());
        }
        if (i % 10 == 7) {
            cells.put("补正", received.plusDays(1).toString());
            cells.put("补正提交日期", received.plusDays(3).toString());
        }
        return cells;
    }

    /** 2,000 rows; every 100th (from row 51) is a bad one. Returns the file and the bad rows by row number. */
    private static byte[] register(Map<Integer, Bad> badByRow) throws IOException {
        List<Bad> bad = badRows();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("2024年台账");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < 2000; i++) {
                Map<String, String> cells = goodRow(i);
                if (i % 100 == 50) {
                    Bad b = bad.get(i / 100);
                    cells.putAll(b.cells());
                    badByRow.put(i + 2, b);
                }
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < HEADERS.size(); c++) {
                    String value = cells.getOrDefault(HEADERS.get(c), "");
                    if (c == 0 && isDate(value)) {
                        row.createCell(c).setCellValue(LocalDate.parse(value));
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode awaitDone(String location) {
        JsonNode progress = RunningLedger.await(() -> http.get(location).json(),
                p -> !p.get("state").asText().equals("RUNNING"), Duration.ofMinutes(5));
        assertThat(progress.get("state").asText()).as(progress.toString()).isEqualTo("DONE");
        return progress;
    }

    @Test
    void a2000RowRegisterWith20BadRowsImportsTheRestOnceAndReportsEveryBadCell() throws Exception {
        Map<Integer, Bad> bad = new LinkedHashMap<>();
        byte[] file = register(bad);
        String base = "/api/agencies/" + AGENCY + "/ledger-import";

        var unmapped = http.post(base + "/dry-run", XLSX, file);
        assertThat(unmapped.status()).as(unmapped.body()).isEqualTo(422);
        assertThat(unmapped.json().get("code").asText()).isEqualTo("COLUMN_MAPPING_INCOMPLETE");
        assertThat(unmapped.json().get("messageZh").asText()).contains("收文日期");
        var mapped = http.put(base + "/mapping", "{\"RECEIVED_ON\":\"受理时间\"}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(http.get(base + "/mapping").json().get("RECEIVED_ON").asText()).isEqualTo("受理时间");

        JsonNode plan = http.post(base + "/dry-run", XLSX, file).json();
        assertThat(plan.get("rows").asInt()).isEqualTo(2000);
        assertThat(plan.get("cases")).hasSize(1980);
        assertThat(plan.get("problems")).hasSize(20);
        for (JsonNode problem : plan.get("problems")) {
            Bad expected = bad.get(problem.get("row").asInt());
            assertThat(expected).as(problem.toString()).isNotNull();
            assertThat(problem.get("column").asText()).isEqualTo(expected.column());
            assertThat(problem.get("cell").asText()).isEqualTo(expected.cell());
            assertThat(problem.get("reasonZh").asText()).isNotBlank();
        }
        assertThat(ledger.eventStore()).as("a dry run records nothing").hasSize(1);

        var started = http.post(base, XLSX, file);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitDone(base + "/" + started.json().get("jobId").asText());
        assertThat(done.get("created").asInt()).isEqualTo(1980);
        assertThat(done.get("refused")).as(done.get("refused").toString()).isEmpty();
        assertThat(done.get("processed").asInt()).isEqualTo(2000);
        System.out.println("ledger import: " + done.get("rowsPerSecond") + " rows/s (2,000 rows)");

        JsonNode report = ledger.awaitServedEqualsFold(AGENCY, 2024);
        assertThat(report.get("table3").get("一").get("总计").asInt()).isEqualTo(1980);
        assertThat(report.get("checks")).isEmpty();
        int stored = ledger.eventStore().size();

        JsonNode again = awaitDone(base + "/" + http.post(base, XLSX, file).json().get("jobId").asText());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(1980);
        assertThat(ledger.eventStore()).as("a second import changes nothing").hasSize(stored);
        assertThat(ledger.awaitServedEqualsFold(AGENCY, 2024)).isEqualTo(report);
    }
}
