package io.iocmonitor.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The REST API, OpenAPI and actuator: HTTP Basic (or the UI's session), 401 without credentials. The UI's own
 * filter chain lives with the views.
 */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Passwords checked against the users' hashes, successes remembered for {@code ioc.security.login-cache}
     * (default 60 s; 0 switches it off) so that API clients sending Basic credentials on every request do not pay
     * the hash each time.
     */
    @Bean
    AuthenticationProvider authenticationProvider(UserAccounts users, PasswordEncoder encoder, Clock clock,
            @Value("${ioc.security.login-cache:60s}") Duration loginCache) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new RecentLogins(passwords, loginCache, clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        // Machines get a 401 challenge, never the UI's redirect to the log-in page.
        ApiChallenge challenge = new ApiChallenge();
        return http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/targets/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/targets/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(challenge)
                        .accessDeniedHandler(challenge))
                // read-only endpoints so far; state-changing ones will need CSRF for session callers
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
