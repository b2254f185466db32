package io.iocmonitor.reference;

/**
 * A provincial-level unit (tỉnh / thành phố trực thuộc trung ương) in force since 1 July 2025.
 *
 * @param code     two-digit administrative code, e.g. {@code 01}
 * @param name     Vietnamese name, e.g. {@code Thành phố Hà Nội}
 * @param nameAscii name without diacritics, e.g. {@code Ha Noi}
 * @param communes number of commune-level units (xã, phường, đặc khu)
 */
public record Province(String code, String name, String nameAscii, int communes) {
}
