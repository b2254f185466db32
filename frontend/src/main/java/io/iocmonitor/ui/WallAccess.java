package io.iocmonitor.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinSession;

/**
 * Read-only access for the video wall by a token in its URL ({@code ioc.wall.token}), so that a wall reloading
 * itself after a server restart or a lost session needs nobody to log in again. The token signs the session in as
 * the user {@code wall}: national scope, role {@code WALL}, which no view that changes anything allows. Unset (the
 * default): the wall is only for users who logged in.
 */
@Component
class WallAccess {

    static final String ROLE = "ROLE_WALL";

    private final byte[] token;

    WallAccess(@Value("${ioc.wall.token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs the current session in as the wall if {@code candidate} is the configured token. */
    boolean signIn(String candidate) {
        if (token.length == 0 || !MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        Authentication wall = UsernamePasswordAuthenticationToken.authenticated("wall", null,
                List.of(new SimpleGrantedAuthority(ROLE)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(wall);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return true;
    }
}
