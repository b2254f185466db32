package io.iocmonitor.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.iocmonitor.comparison.LeagueTable;
import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.reference.Commune;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;

/**
 * League tables of provinces, or of the communes of one province, for a KPI and period, ranked against the
 * previous period too. Reads through the scoped KPI service: a province outside the scope is refused there.
 */
@Component
class Leagues {

    private final KpiService kpis;
    private final ReferenceData reference;

    Leagues(KpiService kpis, ReferenceData reference) {
        this.kpis = kpis;
        this.reference = reference;
    }

    /**
     * @param province {@code null}: the provinces in scope; else the communes of that province, every one of them
     *                 (zeros where nothing happened)
     */
    List<LeagueRow> table(Kpi kpi, PeriodPreset.Range range, @Nullable String province, ProvinceScope scope) {
        GroupBy groupBy = province == null ? GroupBy.PROVINCE : GroupBy.COMMUNE;
        Map<String, String> names = new LinkedHashMap<>();
        if (province == null) {
            reference.provinces().stream().filter(p -> scope.allows(p.code()))
                    .forEach(p -> names.put(p.code(), p.name()));
        } else {
            reference.communes(province).forEach(c -> names.put(c.code(), c.name()));
        }
        Map<String, DossierCounts> current = counts(range, groupBy, province, scope);
        Map<String, DossierCounts> previous = counts(range.previous(), groupBy, province, scope);
        int minSample = kpis.properties().minSample();
        List<LeagueTable.Entry> entries = new ArrayList<>();
        for (String code : names.keySet()) {
            entries.add(new LeagueTable.Entry(code, DossierRates.rate(kpi, countsOf(current, code), minSample),
                    DossierRates.rate(kpi, countsOf(previous, code), minSample)));
        }
        return LeagueTable.of(entries).stream()
                .map(s -> new LeagueRow(s.key(), names.get(s.key()), s, countsOf(current, s.key())))
                .toList();
    }

    String provinceName(String code) {
        return reference.province(code).map(Province::name).orElse(code);
    }

    List<Commune> communes(String province) {
        return reference.communes(province);
    }

    private Map<String, DossierCounts> counts(PeriodPreset.Range range, GroupBy groupBy, @Nullable String province,
            ProvinceScope scope) {
        return kpis.dossierKpis(new KpiQuery(range.from(), range.to(), groupBy, province), scope).rows().stream()
                .collect(Collectors.toMap(DossierCounts::key, Function.identity()));
    }

    private static DossierCounts countsOf(Map<String, DossierCounts> counts, String code) {
        return counts.getOrDefault(code, DossierCounts.zero(code));
    }
}
