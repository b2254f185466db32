package io.iocmonitor.alerting;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;

/** Share of rejected messages (dead letters ÷ all messages), nationally or per province of the topic. */
@Component
class DeadLetterSignals implements SignalSource {

    /** Dead letters are listed newest first, whatever their province. */
    static final Evidence EVIDENCE = new Evidence(DashboardLinks.DEAD_LETTERS, "/api/v1/dead-letters?limit=100");

    private final AlertSignalQueries queries;
    private final KpiService kpis;

    DeadLetterSignals(AlertSignalQueries queries, KpiService kpis) {
        this.queries = queries;
        this.kpis = kpis;
    }

    @Override
    public Set<SignalKind> kinds() {
        return Set.of(SignalKind.DEAD_LETTER_RATE);
    }

    @Override
    public List<Observation> observe(SignalRequest request) {
        int minSample = kpis.properties().minSample();
        return queries.deadLetters(request.grain(), request.windowStart()).stream().map(r -> {
            Rate rate = Rate.of(r.numerator(), r.denominator(), minSample);
            return new Observation(Labels.of(r.province(), ""), rate.value(), rate.insufficient(), EVIDENCE);
        }).toList();
    }
}
