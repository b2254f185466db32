package io.iocmonitor.alerting;

import java.util.List;
import java.util.Set;

import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.SignalKind;

/** An adapter from a feature's figures (KPIs, outages, dead letters) to the observations rules compare. */
interface SignalSource {

    Set<SignalKind> kinds();

    List<Observation> observe(SignalRequest request);
}
