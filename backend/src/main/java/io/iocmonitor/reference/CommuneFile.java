package io.iocmonitor.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A CSV of commune-level units in the layout of SPEC §10 ({@code code,name_vi,province_code,type}, as the
 * statistics office's list). Bad rows are refused one by one with a reason naming the line and the field; the
 * good ones are kept.
 */
public final class CommuneFile {

    public static final String HEADER = "code,name_vi,province_code,type";
    private static final Pattern CODE = Pattern.compile("\\d{5}");
    private static final Set<String> TYPES = Set.of("xa", "phuong", "dac_khu");

    /** The outcome of reading a file: the valid communes and one message per refused row. */
    public record Parsed(List<Commune> communes, List<String> rejected) {
    }

    private CommuneFile() {
    }

    public static Parsed parse(String source, BufferedReader reader, Predicate<String> isProvince)
            throws IOException {
        String header = reader.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IOException(source + ": the first line must be \"" + HEADER + "\", not \"" + header + "\"");
        }
        List<Commune> communes = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String problem = null;
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                problem = "has " + f.length + " fields, expected 4 (" + HEADER + ")";
            } else if (!CODE.matcher(f[0].strip()).matches()) {
                problem = "code \"" + f[0] + "\" is not five digits";
            } else if (f[1].isBlank()) {
                problem = "name_vi is empty";
            } else if (!isProvince.test(f[2].strip())) {
                problem = "province_code \"" + f[2] + "\" is not one of the 34 provinces";
            } else if (!TYPES.contains(f[3].strip())) {
                problem = "type \"" + f[3] + "\" is not one of xa, phuong, dac_khu";
            } else if (!seen.add(f[0].strip())) {
                problem = "code " + f[0].strip() + " appears twice";
            }
            if (problem != null) {
                rejected.add(source + " line " + number + ": " + problem);
            } else {
                communes.add(new Commune(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
            }
        }
        return new Parsed(communes, rejected);
    }
}
