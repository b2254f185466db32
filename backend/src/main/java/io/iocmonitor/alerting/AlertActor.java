package io.iocmonitor.alerting;

import io.iocmonitor.security.ProvinceScope;

/**
 * Who reads or acts on alerts.
 *
 * @param mayAct operators and administrators act (acknowledge, assign, comment, resolve, silence); leaders and
 *               inspectors only read
 */
public record AlertActor(String username, ProvinceScope scope, boolean mayAct) {
}
