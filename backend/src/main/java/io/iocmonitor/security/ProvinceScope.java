package io.iocmonitor.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Which provinces a user may see: all of them (national scope), or one.
 *
 * @param province the one province, or {@code null} for national scope
 */
public record ProvinceScope(@Nullable String province) {

    public static ProvinceScope national() {
        return new ProvinceScope(null);
    }

    public static ProvinceScope of(String province) {
        return new ProvinceScope(Objects.requireNonNull(province));
    }

    public boolean isNational() {
        return province == null;
    }

    public boolean allows(String provinceCode) {
        return province == null || province.equals(provinceCode);
    }
}
