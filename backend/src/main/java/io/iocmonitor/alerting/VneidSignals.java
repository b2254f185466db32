package io.iocmonitor.alerting;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;

/** VNeID success rate (minimum sample applies) and p95 latency of ok logins over the last minutes. */
@Component
class VneidSignals implements SignalSource {

    private final AlertSignalQueries queries;
    private final KpiService kpis;

    VneidSignals(AlertSignalQueries queries, KpiService kpis) {
        this.queries = queries;
        this.kpis = kpis;
    }

    @Override
    public Set<SignalKind> kinds() {
        return Set.of(SignalKind.VNEID_SUCCESS_RATE, SignalKind.VNEID_P95_LATENCY_MS);
    }

    @Override
    public List<Observation> observe(SignalRequest request) {
        int minSample = kpis.properties().minSample();
        LocalDate today = Ict.dateOf(request.now());
        return queries.vneid(request.grain(), request.windowStart(), request.now()).stream().map(r -> {
            Evidence evidence = evidence(today, r.province());
            if (request.kind() == SignalKind.VNEID_P95_LATENCY_MS) {
                return new Observation(Labels.of(r.province(), r.commune()), r.value(), false, evidence);
            }
            Rate rate = Rate.of(r.numerator(), r.denominator(), minSample);
            return new Observation(Labels.of(r.province(), r.commune()), rate.value(), rate.insufficient(), evidence);
        }).toList();
    }

    /** The province's VNeID tiles of today (a commune's logins are not drawn on their own), or the overview. */
    static Evidence evidence(LocalDate today, String province) {
        return new Evidence(DashboardLinks.place(province, "", DashboardLinks.Period.TODAY,
                DashboardLinks.Section.HEALTH), "/api/v1/vneid?from=" + today + "&to=" + today.plusDays(1)
                        + "&groupBy=province");
    }
}
