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

    /**
     * The province a query is cut to: the one asked for, or the scope's own when none is asked (null: all).
     *
     * @throws OutOfScopeException when the province asked for is outside the scope
     */
    public @Nullable String narrow(@Nullable String asked) {
        if (asked != null && !allows(asked)) {
            throw new OutOfScopeException(asked);
        }
        return asked != null ? asked : province;
    }
}
