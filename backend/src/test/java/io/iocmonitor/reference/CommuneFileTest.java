package io.iocmonitor.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CommuneFileTest {

    private static CommuneFile.Parsed parse(String csv) throws IOException {
        return parse("communes.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static CommuneFile.Parsed parse(String source, byte[] content) throws IOException {
        return CommuneFile.parse(source, content, Set.of("01", "79")::contains);
    }

    @Test
    void goodRowsAreKeptAndEachBadRowIsRefusedWithItsLineAndField() throws IOException {
        CommuneFile.Parsed parsed = parse("""
                code,name_vi,province_code,type
                00004,Phường Ba Đình,01,phuong
                0008,Phường Ngọc Hà,01,phuong
                00025,Phường Giảng Võ,99,phuong
                26734,Phường Sài Gòn,79,quan
                26737,,79,phuong
                00004,Phường Ba Đình,01,phuong
                27043,Đặc khu Côn Đảo,79,dac_khu
                00070,Phường Hoàn Kiếm,01
                """);
        assertThat(parsed.communes()).extracting(Commune::code).containsExactly("00004", "27043");
        assertThat(parsed.rejected()).containsExactly(
                "communes.csv line 3: code \"0008\" is not five digits",
                "communes.csv line 4: province_code \"99\" is not one of the 34 provinces",
                "communes.csv line 5: type \"quan\" is not one of xa, phuong, dac_khu",
                "communes.csv line 6: name_vi is empty",
                "communes.csv line 7: code 00004 appears twice",
                "communes.csv line 9: has 3 fields, expected 4 (code,name_vi,province_code,type)");
    }

    @Test
    void theReferenceFileOfSpecSection10IsReadWhole() throws IOException {
        CommuneFile.Parsed parsed = CommuneFile.parse("communes.csv", """
                code,name_vi,province_code,type
                00004,Phường Ba Đình,01,phuong
                """.getBytes(StandardCharsets.UTF_8), code -> true);
        assertThat(parsed.communes()).containsExactly(new Commune("00004", "Phường Ba Đình", "01", "phuong"));
        assertThat(parsed.rejected()).isEmpty();
    }

    @Test
    void aFileWithAnotherLayoutIsRefusedWhole() {
        assertThatThrownBy(() -> parse("ma,ten,tinh\n00004,Ba Đình,01\n"))
                .isInstanceOf(IOException.class)
                .hasMessage("communes.csv: the header row must be \"code,name_vi,province_code,type\" (SPEC §10) or"
                        + " the statistics office's export with the columns Mã, Tên, Cấp and Mã TP (or Mã tỉnh),"
                        + " not \"ma,ten,tinh\"");
        assertThatThrownBy(() -> parse("")).isInstanceOf(IOException.class).hasMessageEndingWith("not an empty file");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsTolerated() throws IOException {
        assertThat(parse("\uFEFFcode,name_vi,province_code,type\n00004,Phường Ba Đình,01,phuong\n").communes())
                .hasSize(1);
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedWithWhatToDo() {
        byte[] latin1 = "code,name_vi,province_code,type\n48990,Xã Hòa Vang,48,xa\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parse("communes.csv", latin1))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("communes.csv: not UTF-8 text");
    }

    /** The statistics office's columns, in its order, with the columns the import does not need. */
    private static final String OFFICE_CSV = """
            Mã,Tên,Tên Tiếng Anh,Cấp,Mã TP,Tỉnh / Thành Phố
            00004,Phường Ba Đình,,Phường,01,Thành phố Hà Nội
            00640,Xã Thanh Trì,,Xã,01,Thành phố Hà Nội
            27043,Đặc khu Côn Đảo,,Đặc khu,79,Thành phố Hồ Chí Minh
            70,Phường Hoàn Kiếm,,Phường,1,Thành phố Hà Nội
            26734,"Phường Sài Gòn, Quận 1 cũ",,Phường,79,Thành phố Hồ Chí Minh
            00376,Thị trấn Sóc Sơn,,Thị trấn,01,Thành phố Hà Nội
            02269,Xã Thượng Lâm,,Xã,08,Tỉnh Tuyên Quang
            ,Xã Không Mã,,Xã,01,Thành phố Hà Nội
            00091,,,Phường,01,Thành phố Hà Nội
            00004,Phường Ba Đình,,Phường,01,Thành phố Hà Nội
            """;

    @Test
    void theStatisticsOfficeExportIsReadByItsVietnameseHeaders() throws IOException {
        CommuneFile.Parsed parsed = parse("Danh sách cấp xã.csv", OFFICE_CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.communes()).containsExactly(
                new Commune("00004", "Phường Ba Đình", "01", "phuong"),
                new Commune("00640", "Xã Thanh Trì", "01", "xa"),
                new Commune("27043", "Đặc khu Côn Đảo", "79", "dac_khu"),
                // a spreadsheet dropped the leading zeros of the numeric codes
                new Commune("00070", "Phường Hoàn Kiếm", "01", "phuong"),
                new Commune("26734", "Phường Sài Gòn, Quận 1 cũ", "79", "phuong"));
        assertThat(parsed.rejected()).containsExactly(
                "Danh sách cấp xã.csv line 7: Cấp \"Thị trấn\" is not one of Xã, Phường, Đặc khu",
                "Danh sách cấp xã.csv line 8: Mã TP \"08\" is not one of the 34 provinces",
                "Danh sách cấp xã.csv line 9: Mã \"\" is not five digits",
                "Danh sách cấp xã.csv line 10: Tên is empty",
                "Danh sách cấp xã.csv line 11: Mã 00004 appears twice");
    }

    @Test
    void theOfficeLayoutIsFoundInAnyColumnOrderUnderATitleAndWithSemicolons() throws IOException {
        String csv = """
                DANH MỤC ĐƠN VỊ HÀNH CHÍNH;;;
                ;;;
                tỉnh / thành phố;MÃ TỈNH;  Tên ;Cấp;Mã
                Thành phố Hà Nội;01;"Phường
                Ba Đình";phường;00004
                Thành phố Hà Nội;01;Phường Ngọc Hà;Quận;00008
                """;
        CommuneFile.Parsed parsed = parse("dmhc.csv", csv.getBytes(StandardCharsets.UTF_8));
        // a quoted line break inside a name is a space; the next record's line is where it starts
        assertThat(parsed.communes()).containsExactly(new Commune("00004", "Phường Ba Đình", "01", "phuong"));
        assertThat(parsed.rejected()).containsExactly(
                "dmhc.csv line 6: Cấp \"Quận\" is not one of Xã, Phường, Đặc khu");
    }

    @Test
    void aRowShorterThanTheOfficeColumnsIsRefused() throws IOException {
        CommuneFile.Parsed parsed = parse("dmhc.csv", "Mã,Tên,Cấp,Mã TP\n00004,Phường Ba Đình,Phường\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.rejected()).containsExactly("dmhc.csv line 2: has 3 fields, expected at least 4");
    }

    @Test
    void theOfficeSpreadsheetIsReadAsXlsxAndAsXls() throws IOException {
        for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            byte[] content = spreadsheet(workbook);
            CommuneFile.Parsed parsed = parse("Danh sách cấp xã.xlsx", content);
            assertThat(parsed.communes()).as(workbook.getClass().getSimpleName()).containsExactly(
                    new Commune("00004", "Phường Ba Đình", "01", "phuong"),
                    new Commune("00070", "Phường Hoàn Kiếm", "01", "phuong"));
            assertThat(parsed.rejected()).containsExactly(
                    "Danh sách cấp xã.xlsx row 5: Mã TP \"99\" is not one of the 34 provinces");
        }
    }

    /** A title row, the header, a code kept as text, a code and a province stored as numbers, a refused row. */
    private static byte[] spreadsheet(Workbook workbook) throws IOException {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            sheet.createRow(0).createCell(0).setCellValue("Danh sách cấp xã");
            Row header = sheet.createRow(1);
            List<String> columns = List.of("Mã", "Tên", "Tên Tiếng Anh", "Cấp", "Mã TP", "Tỉnh / Thành Phố");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            Row text = sheet.createRow(2);
            text.createCell(0).setCellValue("00004");
            text.createCell(1).setCellValue("Phường Ba Đình");
            text.createCell(3).setCellValue("Phường");
            text.createCell(4).setCellValue("01");
            text.createCell(5).setCellValue("Thành phố Hà Nội");
            Row numbers = sheet.createRow(3);
            numbers.createCell(0).setCellValue(70);
            numbers.createCell(1).setCellValue("Phường Hoàn Kiếm");
            numbers.createCell(3).setCellValue("Phường");
            numbers.createCell(4).setCellValue(1);
            numbers.createCell(5).setCellValue("Thành phố Hà Nội");
            Row refused = sheet.createRow(4);
            refused.createCell(0).setCellValue("99001");
            refused.createCell(1).setCellValue("Xã Không Tỉnh");
            refused.createCell(3).setCellValue("Xã");
            refused.createCell(4).setCellValue("99");
            refused.createCell(5).setCellValue("?");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDamagedSpreadsheetIsRefusedWhole() {
        byte[] broken = {'P', 'K', 3, 4, 0, 0, 1, 2, 3};
        assertThatThrownBy(() -> parse("broken.xlsx", broken))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("broken.xlsx: not a readable spreadsheet");
    }
}
