package io.iocmonitor.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Derives a user's province scope from the authorities granted at login. */
public final class Scopes {

    static final String PROVINCE_AUTHORITY_PREFIX = "PROVINCE_";

    private Scopes() {
    }

    /** The scope of an authenticated user; anyone without a province authority is national. */
    public static ProvinceScope of(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated user");
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(PROVINCE_AUTHORITY_PREFIX)) {
                return ProvinceScope.of(name.substring(PROVINCE_AUTHORITY_PREFIX.length()));
            }
        }
        return ProvinceScope.national();
    }
}
