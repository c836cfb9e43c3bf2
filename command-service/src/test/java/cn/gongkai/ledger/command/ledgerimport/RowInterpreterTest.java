package cn.gongkai.ledger.command.ledgerimport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowInterpreterTest {
    private static final List<String> HEADERS = List.of("受理日期", "申请人", "申请人类型", "申请方式", "申请内容", "办理结果",
            "答复日期", "延期", "延期日期", "补正", "补正提交日期");
    private final RowInterpreter interpreter = new RowInterpreter(new AgencyId("tz"), ColumnMapping.suggest(HEADERS),
            LocalDate.of(2024, 12, 31));

    private static Sheet.Row row(String... values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            cells.put(HEADERS.get(i), i < values.length ? values[i] : "");
        }
        return new Sheet.Row(7, cells);
    }

    private RowProblem problem(String... values) {
        return ((RowInterpreter.Refused) interpreter.read(row(values))).problem();
    }

    @Test
    void aRowBecomesTheCommandsOfItsRequest() {
        var planned = ((RowInterpreter.Planned) interpreter.read(row("2024年3月4日", "王某", "个人", "网上", "预算", "部分公开",
                "2024/4/20", "15", "2024-03-28", "2024.3.6", "2024-03-10"))).plannedCase();

        assertThat(planned.commands()).extracting(c -> c.get("command").asText()).containsExactly("ReceiveRequest",
                "RequestCorrection", "SupplyCorrection", "ApproveExtension", "ReplyToRequest");
        assertThat(planned.commands().get(0).get("applicant").get("type").asText()).isEqualTo("NATURAL_PERSON");
        assertThat(planned.commands().get(0).get("channel").asText()).isEqualTo("INTERNET");
        assertThat(planned.commands().get(0).get("receivedOn").asText()).isEqualTo("2024-03-04");
        assertThat(planned.commands().get(3).get("workingDays").asInt()).isEqualTo(15);
        assertThat(planned.commands().get(4).get("primaryOutcome").asText()).isEqualTo("PARTIALLY_DISCLOSED");
        assertThat(planned.requestId()).startsWith("tz:TZ-2024-");
        var again = ((RowInterpreter.Planned) interpreter.read(row("2024-03-04", "王某", "自然人", "互联网平台", "预算")))
                .plannedCase();
        assertThat(again.requestId()).as("the same receipt, applicant and subject name the same case")
                .isEqualTo(planned.requestId());
        assertThat(again.commands()).hasSize(1);
    }

    @Test
    void aRowItCannotUnderstandIsReportedWithItsCell() {
        assertThat(problem("2024-02-30", "王某", "自然人", "当面", "预算"))
                .isEqualTo(new RowProblem(7, "受理日期", "2024-02-30", "收文日期：不存在的日期", "RECEIVED_ON: no such date"));
        assertThat(problem("2024-02-03", "王某", "外星人", "当面", "预算").cell()).isEqualTo("外星人");
        assertThat(problem("2024-02-03", "", "自然人", "当面", "预算").column()).isEqualTo("申请人");
        assertThat(problem("2024-02-03", "王某", "自然人", "当面", "预算", "予以公开").column()).isEqualTo("答复日期");
        assertThat(problem("2024-02-03", "王某", "自然人", "当面", "预算", "予以公开", "2024-02-01").reasonZh())
                .contains("早于收文日期");
        assertThat(problem("2024-02-03", "王某", "自然人", "当面", "预算", "随便", "2024-02-05").cell()).isEqualTo("随便");
        assertThat(problem("2024-02-03", "王某", "自然人", "当面", "预算", "", "", "25", "2024-02-05").column())
                .isEqualTo("延期");
        assertThat(problem("2025-02-03", "王某", "自然人", "当面", "预算").reasonZh()).contains("晚于今天");
        assertThat(problem("2024-02-03", "王某", "自然人", "飞鸽", "预算").column()).isEqualTo("申请方式");
    }

    @Test
    void aWithdrawalIsRecordedAsOne() {
        var planned = ((RowInterpreter.Planned) interpreter.read(row("2024-03-04", "王某", "自然人", "当面", "预算", "撤回",
                "2024-03-05"))).plannedCase();
        assertThat(planned.commands()).extracting(c -> c.get("command").asText())
                .containsExactly("ReceiveRequest", "WithdrawRequest");
    }
}
