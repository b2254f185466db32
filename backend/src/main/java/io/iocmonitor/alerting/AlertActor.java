package io.iocmonitor.alerting;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.iocmonitor.security.ProvinceScope;
import io.iocmonitor.security.Role;
import io.iocmonitor.security.Scopes;

/**
 * Who reads or acts on alerts.
 *
 * @param mayAct operators and administrators act (acknowledge, assign, comment, resolve, silence); leaders and
 *               inspectors only read
 */
public record AlertActor(String username, ProvinceScope scope, boolean mayAct) {

    /** The signed-in user of a request or UI session. */
    public static AlertActor of(@Nullable Authentication user) {
        ProvinceScope scope = Scopes.of(user);
        boolean mayAct = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> Role.OPERATOR.authority().equals(a) || Role.ADMIN.authority().equals(a));
        return new AlertActor(user.getName(), scope, mayAct);
    }
}
