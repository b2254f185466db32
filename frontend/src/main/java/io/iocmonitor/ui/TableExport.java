package io.iocmonitor.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A table's rows as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the diacritics) or xlsx. */
final class TableExport {

    private TableExport() {
    }

    static <T> byte[] csv(List<ExportColumn<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        appendLine(out, columns.stream().map(c -> (Object) c.header()).toList());
        for (T row : rows) {
            appendLine(out, columns.stream().map(c -> c.value().apply(row)).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendLine(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            out.append(text);
        }
        out.append("\r\n");
    }

    /** Streams the rows to a workbook of one sheet; SXSSF keeps only a window of rows in memory. */
    static <T> byte[] xlsx(String sheetName, List<ExportColumn<T>> columns, List<T> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).header());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    set(line.createCell(c), columns.get(c).value().apply(rows.get(r)));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }
}
