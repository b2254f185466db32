package io.iocmonitor.alerting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.base.Ict;
import io.iocmonitor.outage.Outage;
import io.iocmonitor.outage.OutageCause;
import io.iocmonitor.outage.OutageService;
import io.iocmonitor.security.ProvinceScope;

/**
 * Open outages as signals, one observation per site and target with how long it has been down; sites that are
 * up have none. Probe observations carry the target's type, so that rules can pick the portal or the provincial
 * system.
 */
@Component
class OutageSignals implements SignalSource {

    private final OutageService outages;
    private final AlertSignalQueries queries;
    /** Both kinds come from one computation of the outages: kept for the rest of the evaluation cycle. */
    private volatile Computed last = new Computed(Instant.EPOCH, LocalDate.MIN, List.of());
    /** A target keeps its type: looked up once per site and target. */
    private final Map<String, String> targetTypes = new ConcurrentHashMap<>();

    OutageSignals(OutageService outages, AlertSignalQueries queries) {
        this.outages = outages;
        this.queries = queries;
    }

    private record Computed(Instant now, LocalDate from, List<Outage> outages) {
    }

    /** An open outage is drawn on today's timeline of its province, however long ago it began. */
    static Evidence evidence(LocalDate from, LocalDate to, String province) {
        return new Evidence(DashboardLinks.province(province, DashboardLinks.Period.TODAY,
                DashboardLinks.Section.OUTAGES),
                "/api/v1/outages?from=" + from + "&to=" + to + "&province=" + province);
    }

    @Override
    public Set<SignalKind> kinds() {
        return Set.of(SignalKind.PROBE_OUTAGE_SECONDS, SignalKind.COLLECTOR_SILENT_SECONDS);
    }

    @Override
    public List<Observation> observe(SignalRequest request) {
        OutageCause cause = request.kind() == SignalKind.PROBE_OUTAGE_SECONDS ? OutageCause.PROBE : OutageCause.SILENT;
        Instant now = request.now();
        LocalDate from = Ict.dateOf(request.windowStart());
        LocalDate to = Ict.dateOf(now).plusDays(1);
        List<Observation> observations = new ArrayList<>();
        Computed computed = last;
        if (!computed.now().equals(now) || !computed.from().equals(from)) {
            computed = new Computed(now, from, outages.outages(from, to, null, ProvinceScope.national()));
            last = computed;
        }
        for (Outage o : computed.outages()) {
            if (o.end() != null || o.cause() != cause) {
                continue;
            }
            Map<String, String> labels = new java.util.LinkedHashMap<>(Map.of("province", o.province(),
                    "commune", o.commune(), "target", o.target()));
            if (cause == OutageCause.PROBE) {
                labels.put("target_type", targetTypes.computeIfAbsent(o.province() + "/" + o.commune() + "/"
                        + o.target(), k -> queries.targetType(o.province(), o.commune(), o.target()).orElse("")));
            }
            observations.add(new Observation(labels, (double) o.duration(now).toSeconds(), false,
                    evidence(from, to, o.province())));
        }
        return observations;
    }
}
