package io.iocmonitor.reference;

/**
 * A commune-level unit (xã, phường or đặc khu).
 *
 * @param code         five-digit administrative code
 * @param name         Vietnamese name
 * @param provinceCode the two-digit code of its province
 * @param type         {@code xa}, {@code phuong}, {@code dac_khu}, or {@code placeholder} for generated units
 */
public record Commune(String code, String name, String provinceCode, String type) {
}
