package io.iocmonitor.ui;

import org.springframework.security.core.context.SecurityContextHolder;

import io.iocmonitor.security.ProvinceScope;
import io.iocmonitor.security.Scopes;

/** The province scope of the user behind the current request, which every service call of a view is cut to. */
final class CurrentScope {

    private CurrentScope() {
    }

    static ProvinceScope get() {
        return Scopes.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
