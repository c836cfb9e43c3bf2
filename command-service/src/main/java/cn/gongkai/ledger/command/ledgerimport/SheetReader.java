package cn.gongkai.ledger.command.ledgerimport;

import cn.gongkai.ledger.api.common.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an uploaded 台账 into a {@link Sheet}: XLSX (and XLS) through Apache POI, the first sheet, date cells as
 * ISO dates; CSV through Commons CSV in UTF-8 (with or without a byte-order mark) or, when the bytes are not
 * UTF-8, GB18030 (what Excel on a Chinese Windows writes). Rows that are entirely blank are skipped.
 */
final class SheetReader {
    /** The most data rows one file may hold. */
    static final int MAX_ROWS = 200_000;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private SheetReader() {
    }

    static Sheet read(byte[] bytes) {
        if (bytes.length == 0) {
            throw RuleViolation.unprocessable("FILE_EMPTY", "上传的台账文件是空的", "The uploaded register is empty");
        }
        return startsWith(bytes, ZIP) || startsWith(bytes, OLE2) ? workbook(bytes) : csv(decode(bytes));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (a leading BOM dropped) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static Sheet csv(String text) {
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> headers = null;
            List<Sheet.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (headers == null) {
                    headers = headers(values);
                    continue;
                }
                addRow(rows, (int) record.getRecordNumber(), headers, values);
            }
            return new Sheet(headers == null ? List.of() : headers, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw RuleViolation.unprocessable("FILE_UNREADABLE", "无法读取 CSV 文件：" + e.getMessage(),
                    "The CSV file cannot be read: " + e.getMessage());
        }
    }

    private static Sheet workbook(byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                return new Sheet(List.of(), List.of());
            }
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String> headers = null;
            List<Sheet.Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    values.add(text(row.getCell(c), formatter));
                }
                if (headers == null) {
                    if (values.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    headers = headers(values);
                    continue;
                }
                addRow(rows, row.getRowNum() + 1, headers, values);
            }
            return new Sheet(headers == null ? List.of() : headers, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw RuleViolation.unprocessable("FILE_UNREADABLE", "无法读取 Excel 文件：" + e.getMessage(),
                    "The spreadsheet cannot be read: " + e.getMessage());
        }
    }

    /** A cell as text: a date cell as its ISO date, a number as Excel shows it, a formula by its cached value. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate date = cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
            return date.toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static List<String> headers(List<String> values) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String header = values.get(i) == null ? "" : values.get(i).replace("\uFEFF", "").strip();
            headers.add(header.isEmpty() ? "列" + (i + 1) : header);
        }
        return headers;
    }

    private static void addRow(List<Sheet.Row> rows, int number, List<String> headers, List<String> values) {
        if (values.stream().allMatch(v -> v == null || v.isBlank())) {
            return;
        }
        if (rows.size() >= MAX_ROWS) {
            throw RuleViolation.unprocessable("FILE_TOO_LARGE", "一个台账文件最多 " + MAX_ROWS + " 行",
                    "A register holds at most " + MAX_ROWS + " rows");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            cells.put(headers.get(i), i < values.size() && values.get(i) != null ? values.get(i) : "");
        }
        rows.add(new Sheet.Row(number, cells));
    }
}
