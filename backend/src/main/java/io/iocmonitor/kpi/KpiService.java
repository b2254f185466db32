package io.iocmonitor.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import io.iocmonitor.base.Ict;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;

/**
 * Dossier KPIs for a period and scope. A query is always cut to the caller's scope: a province outside it yields
 * {@link OutOfScopeException}, and national groupings list only the provinces in scope.
 */
@Service
@EnableConfigurationProperties(KpiProperties.class)
public class KpiService {

    private static final Comparator<DossierCounts> BY_KEY_AND_PERIOD = Comparator.comparing(DossierCounts::key)
            .thenComparing(DossierCounts::period, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final DossierKpiRepository repository;
    private final VneidKpiRepository vneidRepository;
    private final ReferenceData reference;
    private final KpiProperties properties;
    private final Clock clock;

    KpiService(DossierKpiRepository repository, VneidKpiRepository vneidRepository, ReferenceData reference,
            KpiProperties properties, Clock clock) {
        this.repository = repository;
        this.vneidRepository = vneidRepository;
        this.reference = reference;
        this.properties = properties;
        this.clock = clock;
    }

    public KpiProperties properties() {
        return properties;
    }

    public KpiRows<DossierCounts> dossierKpis(KpiQuery query, ProvinceScope scope) {
        String province = scope.narrow(query.province());
        List<DossierCounts> rows = repository.counts(query, openAt(query), province);
        List<String> keys = expectedKeys(query, province);
        if (keys == null) {
            rows = rows.stream().sorted(BY_KEY_AND_PERIOD).toList();
        } else {
            Map<List<String>, DossierCounts> found = rows.stream()
                    .collect(Collectors.toMap(r -> Arrays.asList(r.key(), r.period()), r -> r));
            List<String> periods = query.per() == null ? Collections.singletonList(null)
                    : CalendarBuckets.starts(query.per(), query.from(), query.to()).stream()
                            .map(LocalDate::toString).toList();
            List<DossierCounts> all = new ArrayList<>(keys.size() * periods.size());
            for (String key : keys) {
                for (String period : periods) {
                    all.add(found.getOrDefault(Arrays.asList(key, period), DossierCounts.zero(key, period)));
                }
            }
            rows = all;
        }
        return new KpiRows<>(query, properties.minSample(), rows);
    }

    /** VNeID attempts, success and latency for the period, cut to the caller's scope like the dossier KPIs. */
    public KpiRows<VneidCounts> vneidKpis(KpiQuery query, ProvinceScope scope) {
        String province = scope.narrow(query.province());
        if (query.per() != null) {
            throw new IllegalArgumentException("per is not supported for VNeID logins; group by a calendar bucket");
        }
        if (query.groupBy() == GroupBy.PROCEDURE) {
            throw new IllegalArgumentException("VNeID logins have no procedure; group by none, province, commune, "
                    + "day, week or month");
        }
        List<VneidCounts> rows = vneidRepository.counts(query.groupBy(), query.from(), query.to(), province);
        Map<String, VneidCounts> byKey = rows.stream().collect(Collectors.toMap(VneidCounts::key, r -> r));
        List<String> keys = expectedKeys(query, province);
        if (keys != null) {
            rows = keys.stream().map(k -> byKey.getOrDefault(k, VneidCounts.zero(k))).toList();
        }
        return new KpiRows<>(query, properties.minSample(), rows);
    }

    /**
     * The keys every answer has, zeros where nothing happened (SPEC §8: with groupBy=province every province in
     * scope has a row); {@code null} where only what happened is listed (communes, procedures).
     */
    private @Nullable List<String> expectedKeys(KpiQuery query, @Nullable String province) {
        if (query.groupBy() == GroupBy.NONE) {
            return List.of("all");
        }
        if (query.groupBy() == GroupBy.PROVINCE) {
            return reference.provinces().stream().map(Province::code)
                    .filter(code -> province == null || province.equals(code)).toList();
        }
        if (query.groupBy().isCalendar()) {
            return CalendarBuckets.starts(query.groupBy(), query.from(), query.to()).stream()
                    .map(LocalDate::toString).toList();
        }
        return null;
    }

    private Instant openAt(KpiQuery query) {
        Instant to = Ict.startOf(query.to());
        Instant now = clock.instant();
        return now.isBefore(to) ? now : to;
    }
}
