package io.iocmonitor.alerting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.base.Ict;

/**
 * Events that collectors' disk queues discarded at their cap, per site and collector: the growth of the cumulative
 * count their heartbeats carry. Like outages, a site signal whatever the rule's scope (the rule groups the sites by
 * province), observed only for collectors whose count moved.
 */
@Component
class CollectorDropSignals implements SignalSource {

    private final AlertSignalQueries queries;

    CollectorDropSignals(AlertSignalQueries queries) {
        this.queries = queries;
    }

    @Override
    public Set<SignalKind> kinds() {
        return Set.of(SignalKind.COLLECTOR_DROPPED_EVENTS);
    }

    /** A queue fills while its collector cannot reach the broker: the outage timeline shows when that was. */
    @Override
    public List<Observation> observe(SignalRequest request) {
        LocalDate from = Ict.dateOf(request.windowStart());
        LocalDate to = Ict.dateOf(request.now()).plusDays(1);
        return queries.dropCounts(request.windowStart(), request.now()).stream().map(d -> {
            Map<String, String> labels = Labels.of(d.province(), d.commune());
            labels.put("collector", d.collector());
            return new Observation(labels, (double) CounterGrowth.of(d.counts()), false,
                    OutageSignals.evidence(from, to, d.province()));
        }).toList();
    }
}
