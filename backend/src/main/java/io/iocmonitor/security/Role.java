package io.iocmonitor.security;

/** What a user may do (SPEC §2). LEADER is always bound to one province; OPERATOR to one or to the nation. */
public enum Role {
    /** Provincial leader: own province, read-only. */
    LEADER,
    /** Operations staff: alerts and outages of one province or the nation. */
    OPERATOR,
    /** Ministry inspector: all provinces, read-only. */
    INSPECTOR,
    /** Administrator: everything. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
