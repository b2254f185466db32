package io.iocmonitor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers successful password checks for a short while. API clients (a Grafana, a provincial system) send HTTP
 * Basic credentials with every request, and each check of a password hash costs tens of milliseconds of CPU by
 * design; a dashboard polling every few seconds would spend more on hashing than on its queries. Only a digest of
 * user and password is kept, never the password; failures are never remembered; a changed password or role takes
 * effect within the time to live.
 */
final class RecentLogins implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(Authentication result, Instant until) {
    }

    private final AuthenticationProvider delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    RecentLogins(AuthenticationProvider delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password) || timeToLive.isZero()) {
            return delegate.authenticate(authentication);
        }
        String key = digest(authentication.getName(), password);
        Instant now = clock.instant();
        Remembered remembered = recent.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (recent.size() >= MAX_ENTRIES) {
                recent.values().removeIf(r -> !now.isBefore(r.until()));
                if (recent.size() >= MAX_ENTRIES) {
                    recent.clear();
                }
            }
            recent.put(key, new Remembered(result, now.plus(timeToLive)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
                && delegate.supports(authentication);
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
