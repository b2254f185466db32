package io.iocmonitor.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;

/**
 * The demo users of SPEC §10 ({@code admin}, {@code inspector}, {@code operator}, {@code leader-<code>}, password
 * {@code demo}). Only created where {@code ioc.demo.users} is true, which the demo sets when it starts its
 * embedded database; a production configuration has no default password.
 */
@Component
@ConditionalOnProperty(name = "ioc.demo.users", havingValue = "true")
class DemoUsers {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserAccounts accounts;
    private final ReferenceData reference;

    DemoUsers(UserAccounts accounts, ReferenceData reference) {
        this.accounts = accounts;
        this.reference = reference;
        accounts.save("admin", PASSWORD, Role.ADMIN, null);
        accounts.save("inspector", PASSWORD, Role.INSPECTOR, null);
        accounts.save("operator", PASSWORD, Role.OPERATOR, null);
        for (Province p : reference.provinces()) {
            accounts.save("leader-" + p.code(), PASSWORD, Role.LEADER, p.code());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("Demo users (password \"{}\"): admin, inspector, operator, leader-<province code> "
                + "(leader-01 … leader-{})", PASSWORD, reference.provinces().getLast().code());
    }
}
