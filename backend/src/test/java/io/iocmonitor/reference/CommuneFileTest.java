package io.iocmonitor.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommuneFileTest {

    private static CommuneFile.Parsed parse(String csv) throws IOException {
        return CommuneFile.parse("communes.csv", new BufferedReader(new StringReader(csv)), Set.of("01", "79")::contains);
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
                """);
        assertThat(parsed.communes()).extracting(Commune::code).containsExactly("00004", "27043");
        assertThat(parsed.rejected()).containsExactly(
                "communes.csv line 3: code \"0008\" is not five digits",
                "communes.csv line 4: province_code \"99\" is not one of the 34 provinces",
                "communes.csv line 5: type \"quan\" is not one of xa, phuong, dac_khu",
                "communes.csv line 6: name_vi is empty",
                "communes.csv line 7: code 00004 appears twice");
    }

    @Test
    void aFileWithAnotherLayoutIsRefusedWhole() {
        assertThatThrownBy(() -> parse("ma,ten,tinh\n00004,Ba Đình,01\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the first line must be \"code,name_vi,province_code,type\"");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsTolerated() throws IOException {
        assertThat(parse("\uFEFFcode,name_vi,province_code,type\n00004,Phường Ba Đình,01,phuong\n").communes())
                .hasSize(1);
    }
}
