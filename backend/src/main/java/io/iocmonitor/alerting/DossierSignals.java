package io.iocmonitor.alerting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.RuleScope;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.reference.Commune;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;

/**
 * Dossier KPIs as signals: the full-process online and on-time rates from the KPI service over the window's whole
 * ICT days (today included), and open dossiers overdue by more than the window.
 */
@Component
class DossierSignals implements SignalSource {

    private final KpiService kpis;
    private final AlertSignalQueries queries;
    private final ReferenceData reference;

    DossierSignals(KpiService kpis, AlertSignalQueries queries, ReferenceData reference) {
        this.kpis = kpis;
        this.queries = queries;
        this.reference = reference;
    }

    @Override
    public Set<SignalKind> kinds() {
        return Set.of(SignalKind.FULL_PROCESS_ONLINE_RATE, SignalKind.ON_TIME_RATE, SignalKind.OVERDUE_OPEN);
    }

    @Override
    public List<Observation> observe(SignalRequest request) {
        if (request.kind() == SignalKind.OVERDUE_OPEN) {
            LocalDate today = Ict.dateOf(request.now());
            return queries.overdueOpen(request.grain(), request.now(), request.windowStart()).stream()
                    .map(r -> new Observation(Labels.of(r.province(), r.commune()), r.value(), false,
                            overdueEvidence(today, r.province(), r.commune())))
                    .toList();
        }
        LocalDate to = Ict.dateOf(request.now()).plusDays(1);
        LocalDate from = Ict.dateOf(request.windowStart());
        GroupBy groupBy = switch (request.grain()) {
            case NATIONAL -> GroupBy.NONE;
            case PROVINCE -> GroupBy.PROVINCE;
            case COMMUNE -> GroupBy.COMMUNE;
        };
        var rows = kpis.dossierKpis(new KpiQuery(from, to, groupBy, null), ProvinceScope.national());
        Map<String, String> provinceOf = request.grain() == RuleScope.Grain.COMMUNE ? provinceOfCommune() : Map.of();
        List<Observation> observations = new ArrayList<>();
        for (DossierCounts row : rows.rows()) {
            Rate rate = request.kind() == SignalKind.ON_TIME_RATE ? row.onTimeRate(rows.minSample())
                    : row.fullProcessOnlineRate(rows.minSample());
            String province = switch (request.grain()) {
                case NATIONAL -> "";
                case PROVINCE -> row.key();
                case COMMUNE -> provinceOf.getOrDefault(row.key(), "");
            };
            String commune = request.grain() == RuleScope.Grain.COMMUNE ? row.key() : "";
            observations.add(new Observation(Labels.of(province, commune), rate.value(), rate.insufficient(),
                    rateEvidence(from, to, groupBy, province, commune)));
        }
        return observations;
    }

    /** The rates for the window's days: the commune's or the province's KPI tiles, or the overview's gauge. */
    static Evidence rateEvidence(LocalDate from, LocalDate to, GroupBy groupBy, String province, String commune) {
        String view = DashboardLinks.place(province, commune, DashboardLinks.Period.covering(from, to),
                DashboardLinks.Section.KPIS);
        return new Evidence(view, "/api/v1/kpis?from=" + from + "&to=" + to + "&groupBy=" + groupBy.wireName()
                + (province.isEmpty() ? "" : "&province=" + province));
    }

    /** Overdue open dossiers are listed first in the SLA breach list of the commune or province. */
    static Evidence overdueEvidence(LocalDate today, String province, String commune) {
        String view = DashboardLinks.place(province, commune, DashboardLinks.Period.TODAY, DashboardLinks.Section.SLA);
        return new Evidence(view, "/api/v1/kpis?from=" + today + "&to=" + today.plusDays(1) + "&groupBy=province"
                + (province.isEmpty() ? "" : "&province=" + province));
    }

    private Map<String, String> provinceOfCommune() {
        Map<String, String> map = new HashMap<>();
        for (Province p : reference.provinces()) {
            for (Commune c : reference.communes(p.code())) {
                map.put(c.code(), p.code());
            }
        }
        return map;
    }
}
