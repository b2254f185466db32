package io.iocmonitor.reference;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where a communes file keeps what, told by its header row: SPEC §10's {@code code,name_vi,province_code,type}, or
 * the statistics office's export of commune-level units (danhmuchanhchinh.gso.gov.vn, after the 2025 reform: the
 * columns "Mã", "Tên", "Cấp" and "Mã TP" or "Mã tỉnh" in any order, others such as "Tên Tiếng Anh" and
 * "Tỉnh / Thành Phố" ignored). Refusals name the field as the file's header names it.
 */
final class CommuneLayout {

    /** A row's commune, or why it is refused. */
    record Read(Commune commune, String problem) {
    }

    private record Column(String label, int index) {

        String in(List<String> cells) {
            return cells.get(index);
        }
    }

    private static final Pattern CODE = Pattern.compile("\\d{5}");
    private static final List<String> SPEC_HEADER = List.of("code", "name_vi", "province_code", "type");
    private static final Map<String, String> SPEC_TYPES = Map.of("xa", "xa", "phuong", "phuong", "dac_khu", "dac_khu");
    private static final Map<String, String> OFFICE_TYPES = Map.of("xã", "xa", "phường", "phuong", "đặc khu", "dac_khu");

    private final Column code;
    private final Column name;
    private final Column province;
    private final Column type;
    /** SPEC's layout has exactly its four fields; the office's has at least the columns it names. */
    private final boolean exactWidth;
    private final int width;
    private final Map<String, String> types;
    private final String typeChoices;
    /** The office's codes are numbers: a spreadsheet (or a CSV saved from one) drops their leading zeros. */
    private final boolean padCodes;

    private CommuneLayout(Column code, Column name, Column province, Column type, boolean exactWidth,
            Map<String, String> types, String typeChoices, boolean padCodes) {
        this.code = code;
        this.name = name;
        this.province = province;
        this.type = type;
        this.exactWidth = exactWidth;
        this.width = 1 + List.of(code, name, province, type).stream().mapToInt(Column::index).max().orElseThrow();
        this.types = types;
        this.typeChoices = typeChoices;
        this.padCodes = padCodes;
    }

    static final String EXPECTED = "\"" + String.join(",", SPEC_HEADER) + "\" (SPEC §10) or the statistics office's"
            + " export with the columns Mã, Tên, Cấp and Mã TP (or Mã tỉnh)";

    /** The layout this header row announces, if it is one of the two. */
    static Optional<CommuneLayout> of(List<String> header) {
        List<String> labels = header.stream().map(CommuneLayout::normalise).toList();
        if (labels.equals(SPEC_HEADER)) {
            return Optional.of(new CommuneLayout(new Column("code", 0), new Column("name_vi", 1),
                    new Column("province_code", 2), new Column("type", 3), true, SPEC_TYPES, "xa, phuong, dac_khu",
                    false));
        }
        int provinceAt = labels.indexOf("mã tp") >= 0 ? labels.indexOf("mã tp") : labels.indexOf("mã tỉnh");
        if (labels.contains("mã") && labels.contains("tên") && labels.contains("cấp") && provinceAt >= 0) {
            return Optional.of(new CommuneLayout(new Column("Mã", labels.indexOf("mã")),
                    new Column("Tên", labels.indexOf("tên")), new Column(header.get(provinceAt).strip(), provinceAt),
                    new Column("Cấp", labels.indexOf("cấp")), false, OFFICE_TYPES, "Xã, Phường, Đặc khu", true));
        }
        return Optional.empty();
    }

    // Spreadsheets mix composed and decomposed Vietnamese letters and stray spaces; case varies between exports.
    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Read read(List<String> cells, Predicate<String> isProvince) {
        if (exactWidth ? cells.size() != width : cells.size() < width) {
            return refused("has " + cells.size() + " fields, expected " + (exactWidth ? "" : "at least ") + width
                    + (exactWidth ? " (" + String.join(",", SPEC_HEADER) + ")" : ""));
        }
        String communeCode = padded(code.in(cells).strip(), 5);
        String provinceCode = padded(province.in(cells).strip(), 2);
        String communeType = types.get(normalise(type.in(cells)));
        if (!CODE.matcher(communeCode).matches()) {
            return refused(code.label() + " \"" + code.in(cells) + "\" is not five digits");
        }
        if (name.in(cells).isBlank()) {
            return refused(name.label() + " is empty");
        }
        if (!isProvince.test(provinceCode)) {
            return refused(province.label() + " \"" + province.in(cells) + "\" is not one of the 34 provinces");
        }
        if (communeType == null) {
            return refused(type.label() + " \"" + type.in(cells) + "\" is not one of " + typeChoices);
        }
        String communeName = Normalizer.normalize(name.in(cells), Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return new Read(new Commune(communeCode, communeName, provinceCode, communeType), null);
    }

    /** How a code appearing twice is named in the refusal. */
    String codeLabel() {
        return code.label();
    }

    private String padded(String digits, int length) {
        return padCodes && !digits.isEmpty() && digits.length() < length && digits.chars().allMatch(Character::isDigit)
                ? "0".repeat(length - digits.length()) + digits
                : digits;
    }

    private static Read refused(String problem) {
        return new Read(null, problem);
    }
}
