package io.iocmonitor.alerting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.RuleScope;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.DataQuality;
import io.iocmonitor.kpi.SignalKpiService;
import io.iocmonitor.kpi.SyncStatus;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.kpi.Trajectory;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;

/**
 * Portal synchronisation lag (latest per system), data freshness (age of the newest event) and the full-process
 * online rate's distance from the trajectory to its target date, from the KPI services.
 */
@Component
class PortalAndQualitySignals implements SignalSource {

    private final SignalKpiService signals;
    private final TargetService targets;
    private final ReferenceData reference;

    PortalAndQualitySignals(SignalKpiService signals, TargetService targets, ReferenceData reference) {
        this.signals = signals;
        this.targets = targets;
        this.reference = reference;
    }

    @Override
    public Set<SignalKind> kinds() {
        return Set.of(SignalKind.SYNC_LAG_SECONDS, SignalKind.DATA_AGE_SECONDS, SignalKind.ONLINE_RATE_TRAJECTORY_GAP);
    }

    @Override
    public List<Observation> observe(SignalRequest request) {
        return switch (request.kind()) {
            case SYNC_LAG_SECONDS -> syncLag();
            case DATA_AGE_SECONDS -> dataAge(request);
            default -> trajectoryGap(request);
        };
    }

    private List<Observation> syncLag() {
        List<Observation> observations = new ArrayList<>();
        for (SyncStatus s : signals.syncStatus(null, ProvinceScope.national())) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("province", s.province());
            labels.put("commune", s.commune());
            labels.put("system", s.system());
            observations.add(new Observation(labels, (double) s.lagSeconds(), false, syncEvidence(s.province())));
        }
        return observations;
    }

    private List<Observation> dataAge(SignalRequest request) {
        LocalDate today = Ict.dateOf(request.now());
        List<DataQuality> quality = signals.dataQuality(today, today.plusDays(1), null, ProvinceScope.national());
        if (request.grain() == RuleScope.Grain.NATIONAL) {
            // the country is as fresh as its freshest province
            Long freshest = quality.stream().map(DataQuality::freshnessSeconds).filter(java.util.Objects::nonNull)
                    .min(Long::compare).orElse(null);
            return List.of(new Observation(Map.of(), freshest == null ? null : freshest.doubleValue(), false,
                    freshnessEvidence(today, "")));
        }
        return quality.stream().map(q -> new Observation(Map.of("province", q.province()),
                q.freshnessSeconds() == null ? null : q.freshnessSeconds().doubleValue(), false,
                freshnessEvidence(today, q.province()))).toList();
    }

    /** The province's sync table: the latest lag of each of its systems. */
    static Evidence syncEvidence(String province) {
        return new Evidence(DashboardLinks.province(province, DashboardLinks.Period.TODAY,
                DashboardLinks.Section.SYNC), "/api/v1/sync?province=" + province);
    }

    /** Today's freshness tile of the province, or the overview's data freshness for the country. */
    static Evidence freshnessEvidence(LocalDate today, String province) {
        return new Evidence(DashboardLinks.place(province, "", DashboardLinks.Period.TODAY,
                DashboardLinks.Section.HEALTH), "/api/v1/data-quality?from=" + today + "&to=" + today.plusDays(1)
                        + (province.isEmpty() ? "" : "&province=" + province));
    }

    /** The trajectory tiles head the KPIs of the province, and the overview for the country. */
    static Evidence trajectoryEvidence(String province) {
        return new Evidence(DashboardLinks.place(province, "", DashboardLinks.Period.LAST_30_DAYS,
                DashboardLinks.Section.KPIS), "/api/v1/trajectory" + (province.isEmpty() ? "" : "?province="
                        + province));
    }

    private List<Observation> trajectoryGap(SignalRequest request) {
        if (request.grain() == RuleScope.Grain.NATIONAL) {
            return List.of(gap(Map.of(), targets.trajectory(null, ProvinceScope.national())));
        }
        List<Observation> observations = new ArrayList<>();
        for (Province p : reference.provinces()) {
            observations.add(gap(Map.of("province", p.code()), targets.trajectory(p.code(), ProvinceScope.national())));
        }
        return observations;
    }

    private static Observation gap(Map<String, String> labels, Trajectory t) {
        return new Observation(labels, gapOf(t), t.status() == Trajectory.Status.INSUFFICIENT_DATA,
                trajectoryEvidence(labels.getOrDefault("province", "")));
    }

    /** Needed monthly gain − recent monthly gain; 0 once reached; after the date, the distance to the target. */
    static @Nullable Double gapOf(Trajectory t) {
        return switch (t.status()) {
            case REACHED -> 0.0;
            case INSUFFICIENT_DATA -> null;
            case MISSED -> t.current().value() == null ? null : t.target() - t.current().value();
            default -> t.monthlyGainNeeded() == null ? null
                    : t.monthlyGainNeeded() - (t.recentMonthlyGain() == null ? 0.0 : t.recentMonthlyGain());
        };
    }
}
