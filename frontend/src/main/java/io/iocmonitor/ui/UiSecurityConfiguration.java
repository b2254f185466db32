package io.iocmonitor.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/** The dashboard's filter chain: Vaadin's, with the log-in view; everything else needs a user. */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    // After the API's chain, which answers machines with 401 instead of this chain's redirect to the log-in page.
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles.css", "/icons/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
