/**
 * Alert rules as code (SPEC §6): the rule model, the YAML rule files and their validation, the firing policies
 * (for, hysteresis, hold-down) and the rule tests in the style of {@code promtool test rules}. Plain Java: no
 * Spring, no database, so that operators can test rule files with one command.
 */
@NullMarked
package io.iocmonitor.alerting.rules;

import org.jspecify.annotations.NullMarked;
