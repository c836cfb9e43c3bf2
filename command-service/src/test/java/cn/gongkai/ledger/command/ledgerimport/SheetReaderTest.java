package cn.gongkai.ledger.command.ledgerimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.RuleViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SheetReaderTest {
    private static final String CSV = "收文日期,申请人,申请内容\n2024/3/4,王某,\"预算,决算\"\n\n2024年3月5日,李某,补贴\n";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "GB18030"})
    void readsCsvInUtf8WithOrWithoutBomAndInGb18030(String encoding) {
        byte[] bytes = switch (encoding) {
            case "UTF-8" -> CSV.getBytes(StandardCharsets.UTF_8);
            case "UTF-8-BOM" -> ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8);
            default -> CSV.getBytes(Charset.forName("GB18030"));
        };

        Sheet sheet = SheetReader.read(bytes);

        assertThat(sheet.headers()).containsExactly("收文日期", "申请人", "申请内容");
        assertThat(sheet.rows()).hasSize(2);
        assertThat(sheet.rows().get(0).number()).isEqualTo(2);
        assertThat(sheet.rows().get(0).cell("申请内容")).isEqualTo("预算,决算");
        assertThat(sheet.rows().get(1).cell("申请人")).isEqualTo("李某");
        assertThat(sheet.rows().get(1).number()).isEqualTo(3);
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithDateCellsAsIsoDates() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("收文日期");
            header.createCell(1).setCellValue("延期");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue(LocalDate.of(2024, 3, 4));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(15);
            workbook.write(out);
            bytes = out.toByteArray();
        }

        Sheet sheet = SheetReader.read(bytes);

        assertThat(sheet.headers()).containsExactly("收文日期", "延期");
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.cell("收文日期")).isEqualTo("2024-03-04");
            assertThat(r.cell("延期")).isEqualTo("15");
        });
    }

    @Test
    void refusesAnEmptyOrUnreadableFile() {
        assertThatThrownBy(() -> SheetReader.read(new byte[0])).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "FILE_EMPTY");
        assertThatThrownBy(() -> SheetReader.read(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("code", "FILE_UNREADABLE");
    }
}
