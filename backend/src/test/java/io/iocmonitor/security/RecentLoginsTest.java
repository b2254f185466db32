package io.iocmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class RecentLoginsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    // the password of every user is "right"
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"right".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private RecentLogins logins(Duration ttl) {
        return new RecentLogins(passwords, ttl, new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aRepeatedLoginWithinTheTimeToLiveIsNotCheckedAgain() {
        RecentLogins logins = logins(Duration.ofSeconds(60));
        assertThat(logins.authenticate(login("admin", "right")).isAuthenticated()).isTrue();
        now = now.plusSeconds(59);
        assertThat(logins.authenticate(login("admin", "right")).getName()).isEqualTo("admin");
        assertThat(checks).hasValue(1);
        now = now.plusSeconds(1);
        logins.authenticate(login("admin", "right"));
        assertThat(checks).as("checked again once it expired").hasValue(2);
    }

    @Test
    void anotherPasswordOrUserIsCheckedAndFailuresAreNeverRemembered() {
        RecentLogins logins = logins(Duration.ofSeconds(60));
        logins.authenticate(login("admin", "right"));
        assertThatThrownBy(() -> logins.authenticate(login("admin", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logins.authenticate(login("admin", "wrong"))).isInstanceOf(BadCredentialsException.class);
        logins.authenticate(login("operator", "right"));
        assertThat(checks).hasValue(4);
    }

    @Test
    void aZeroTimeToLiveChecksEveryTime() {
        RecentLogins logins = logins(Duration.ZERO);
        logins.authenticate(login("admin", "right"));
        logins.authenticate(login("admin", "right"));
        assertThat(checks).hasValue(2);
    }
}
