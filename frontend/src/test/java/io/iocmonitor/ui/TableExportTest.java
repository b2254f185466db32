package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTest {

    record Line(String name, Double rate) {
    }

    private static final List<ExportColumn<Line>> COLUMNS = List.of(
            new ExportColumn<>("Tên", Line::name), new ExportColumn<>("Tỷ lệ", Line::rate));

    @Test
    void csvHasABomQuotesWhatNeedsItAndLeavesMissingValuesEmpty() {
        String csv = new String(TableExport.csv(COLUMNS, List.of(new Line("Hà Nội, \"Thủ đô\"", 0.5),
                new Line("Huế", null))), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFTên,Tỷ lệ\r\n\"Hà Nội, \"\"Thủ đô\"\"\",0.5\r\nHuế,\r\n");
    }

    @Test
    void xlsxKeepsNumbersAsNumbers() throws Exception {
        byte[] bytes = TableExport.xlsx("t", COLUMNS, List.of(new Line("Hà Nội", 0.413)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("t");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tên");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Hà Nội");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(0.413);
        }
    }
}
