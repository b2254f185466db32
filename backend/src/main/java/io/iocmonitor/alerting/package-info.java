/**
 * Alerting (SPEC §6): rules loaded from {@code ioc.alert-rules.dir} and reloaded when they change, the evaluator
 * that turns signals (KPIs, outages, dead letters) into alerts with their life-cycle kept in PostgreSQL, the
 * operators' actions and silences, notifications by e-mail and webhook through an outbox, and the election of the
 * one instance that evaluates and notifies.
 */
@NullMarked
package io.iocmonitor.alerting;

import org.jspecify.annotations.NullMarked;
