package io.iocmonitor.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rows of a table file, whatever it was saved as: a UTF-8 CSV (comma or, as a Vietnamese-locale Excel saves it,
 * semicolon separated; quoted fields may hold separators and line breaks) or the first sheet of a spreadsheet
 * (.xlsx or the older .xls, told apart from CSV by their content, not their name).
 */
final class TableFile {

    /** One row: where it is in the file (for messages, e.g. "line 4" or "row 4") and its cells as text. */
    record Row(String position, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private TableFile() {
    }

    /**
     * @throws IOException when a CSV is not UTF-8 or a spreadsheet cannot be read
     */
    static List<Row> read(String source, byte[] content) throws IOException {
        return startsWith(content, ZIP) || startsWith(content, OLE2) ? sheet(source, content) : csv(source, content);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<Row> sheet(String source, byte[] content) throws IOException {
        // the text a user sees in each cell: a code formatted "00070" stays 00070, dates and numbers as shown
        DataFormatter shown = new DataFormatter();
        List<Row> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : shown.formatCellValue(cell));
                }
                rows.add(new Row("row " + (row.getRowNum() + 1), cells));
            }
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged, encrypted or sheetless file with unchecked exceptions as often as with checked
            throw new IOException(source + ": not a readable spreadsheet (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    private static List<Row> csv(String source, byte[] content) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": not UTF-8 text (save the CSV as UTF-8, or upload the spreadsheet itself)",
                    e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
        return records(text, separator);
    }

    /** RFC 4180 records; a record is placed at the line it starts on. */
    private static List<Row> records(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row("line " + recordLine, List.copyOf(cells)));
                cells.clear();
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row("line " + recordLine, List.copyOf(cells)));
        }
        return rows;
    }
}
