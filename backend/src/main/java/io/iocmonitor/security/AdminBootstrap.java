package io.iocmonitor.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a production installation: with {@code ioc.security.admin-password} set (e.g. from a
 * secret), the user {@code admin} is created or given that password at start-up. There is no default password.
 */
@Component
@ConditionalOnProperty("ioc.security.admin-password")
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final int MIN_LENGTH = 8;

    AdminBootstrap(UserAccounts accounts, @Value("${ioc.security.admin-password}") String password) {
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException("ioc.security.admin-password must have at least " + MIN_LENGTH
                    + " characters");
        }
        accounts.save("admin", password, Role.ADMIN, null);
        log.info("User admin has the password of ioc.security.admin-password");
    }
}
