package io.iocmonitor.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The users of the dashboard and the API, kept in {@code app_user}. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, province FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, i) -> toUserDetails(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** A user as the administration lists it: never its password. */
    public record Account(String username, Role role, @Nullable String province) {
    }

    /** Creates the user or replaces its password, role and province. */
    public void save(String username, String rawPassword, Role role, @Nullable String province) {
        checkScope(username, role, province);
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, role, province) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
                                                     province = EXCLUDED.province""")
                .params(username, encoder.encode(rawPassword), role.name(), province)
                .update();
    }

    public List<Account> list() {
        return jdbc.sql("SELECT username, role, province FROM app_user ORDER BY username")
                .query((rs, i) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** Changes a user's role and province, keeping the password; false if there is no such user. */
    public boolean changeRole(String username, Role role, @Nullable String province) {
        checkScope(username, role, province);
        return jdbc.sql("UPDATE app_user SET role = ?, province = ? WHERE username = ?")
                .params(role.name(), province, username).update() == 1;
    }

    /** Sets a new password; false if there is no such user. */
    public boolean resetPassword(String username, String rawPassword) {
        if (rawPassword.isBlank()) {
            throw new IllegalArgumentException("the new password of " + username + " is empty");
        }
        return jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
                .params(encoder.encode(rawPassword), username).update() == 1;
    }

    // SPEC §2: a leader has one province; inspectors and administrators see every province.
    private static void checkScope(String username, Role role, @Nullable String province) {
        if (role == Role.LEADER && province == null) {
            throw new IllegalArgumentException("a LEADER needs a province: " + username);
        }
        if ((role == Role.INSPECTOR || role == Role.ADMIN) && province != null) {
            throw new IllegalArgumentException("an " + role + " sees every province and takes none: " + username);
        }
    }

    private static UserDetails toUserDetails(String username, String hash, Role role, @Nullable String province) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (province != null) {
            authorities.add(new SimpleGrantedAuthority(Scopes.PROVINCE_AUTHORITY_PREFIX + province));
        }
        return User.withUsername(username).password(hash).authorities(authorities).build();
    }
}
