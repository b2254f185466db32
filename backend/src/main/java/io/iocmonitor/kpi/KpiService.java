package io.iocmonitor.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import io.iocmonitor.base.Ict;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.OutOfScopeException;
import io.iocmonitor.security.ProvinceScope;

/**
 * Dossier KPIs for a period and scope. A query is always cut to the caller's scope: a province outside it yields
 * {@link OutOfScopeException}, and national groupings list only the provinces in scope.
 */
@Service
@EnableConfigurationProperties(KpiProperties.class)
public class KpiService {

    private final DossierKpiRepository repository;
    private final ReferenceData reference;
    private final KpiProperties properties;
    private final Clock clock;

    KpiService(DossierKpiRepository repository, ReferenceData reference, KpiProperties properties, Clock clock) {
        this.repository = repository;
        this.reference = reference;
        this.properties = properties;
        this.clock = clock;
    }

    public KpiProperties properties() {
        return properties;
    }

    public KpiResult dossierKpis(KpiQuery query, ProvinceScope scope) {
        String province = query.province();
        if (province != null && !scope.allows(province)) {
            throw new OutOfScopeException(province);
        }
        if (province == null) {
            province = scope.province();
        }
        Instant from = Ict.startOf(query.from());
        Instant to = Ict.startOf(query.to());
        Instant now = clock.instant();
        Instant openAt = now.isBefore(to) ? now : to;
        List<DossierCounts> rows = repository.counts(query.groupBy(), from, to, openAt, province);
        if (query.groupBy() == GroupBy.PROVINCE) {
            rows = withEveryProvince(rows, province);
        } else if (query.groupBy() == GroupBy.NONE && rows.isEmpty()) {
            rows = List.of(DossierCounts.zero("all"));
        }
        return new KpiResult(query, properties.minSample(), rows);
    }

    // SPEC §8: with groupBy=province every province in scope has a row, with zeros where nothing happened.
    private List<DossierCounts> withEveryProvince(List<DossierCounts> rows, @Nullable String onlyProvince) {
        Map<String, DossierCounts> byKey = rows.stream()
                .collect(Collectors.toMap(DossierCounts::key, Function.identity()));
        List<DossierCounts> all = new ArrayList<>();
        for (Province p : reference.provinces()) {
            if (onlyProvince == null || onlyProvince.equals(p.code())) {
                all.add(byKey.getOrDefault(p.code(), DossierCounts.zero(p.code())));
            }
        }
        return all;
    }
}
