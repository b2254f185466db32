package io.iocmonitor.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.SignalKind;

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

    @Override
    public List<Observation> observe(SignalRequest request) {
        return queries.dropCounts(request.windowStart(), request.now()).stream().map(d -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("province", d.province());
            labels.put("commune", d.commune());
            labels.put("collector", d.collector());
            return new Observation(labels, (double) CounterGrowth.of(d.counts()), false, null);
        }).toList();
    }
}
