package io.iocmonitor.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import io.iocmonitor.base.Ict;
import io.iocmonitor.security.ProvinceScope;

/**
 * The KPIs beyond dossiers (SPEC §5): portal sync, probe availability, data quality, and the composite index that
 * brings them together with the dossier rates. Every answer is cut to the caller's scope like the dossier KPIs.
 */
@Service
@EnableConfigurationProperties(IndexProperties.class)
public class SignalKpiService {

    /** Reporting completeness looks back this far (SPEC §5: "in the last 24 h"). */
    static final Duration REPORTING_WINDOW = Duration.ofHours(24);

    private final SignalKpiRepository repository;
    private final KpiService kpis;
    private final TargetService targets;
    private final CompositeIndex index;
    private final Clock clock;

    SignalKpiService(SignalKpiRepository repository, KpiService kpis, TargetService targets,
            IndexProperties indexProperties, Clock clock) {
        this.repository = repository;
        this.kpis = kpis;
        this.targets = targets;
        this.index = new CompositeIndex(indexProperties);
        this.clock = clock;
    }

    public List<SyncStatus> syncStatus(@Nullable String province, ProvinceScope scope) {
        return repository.syncStatus(scope.narrow(province));
    }

    /** Probe results with up=true ÷ all, per province or commune (or {@code all}), over {@code [from, to)}. */
    public Map<String, Rate> availability(GroupBy groupBy, LocalDate from, LocalDate to, @Nullable String province,
            ProvinceScope scope) {
        Ict.requirePeriod(from, to);
        int minSample = kpis.properties().minSample();
        return repository.availability(groupBy, from, to, scope.narrow(province)).stream()
                .collect(Collectors.toMap(SignalKpiRepository.Counted::key,
                        c -> Rate.of(c.numerator(), c.denominator(), minSample)));
    }

    /** Completeness and freshness now; rejected ÷ all events received in {@code [from, to)}; per province in scope. */
    public List<DataQuality> dataQuality(LocalDate from, LocalDate to, @Nullable String province,
            ProvinceScope scope) {
        Ict.requirePeriod(from, to);
        Instant now = clock.instant();
        int minSample = kpis.properties().minSample();
        return repository.quality(from, to, now.minus(REPORTING_WINDOW), scope.narrow(province)).stream()
                .map(q -> new DataQuality(q.province(),
                        Rate.of(q.reporting(), q.communes(), 1),
                        q.newest(),
                        q.newest() == null ? null : Math.max(0, Duration.between(q.newest(), now).toSeconds()),
                        Rate.of(q.rejected(), q.accepted() + q.rejected(), minSample)))
                .toList();
    }

    /**
     * The composite index per province in scope, or per commune of one province ({@code groupBy=commune}), for the
     * period; sync is judged by the latest states against the sync-lag target.
     */
    public List<CompositeIndex.Score> index(LocalDate from, LocalDate to, GroupBy groupBy, @Nullable String province,
            ProvinceScope scope) {
        if (groupBy != GroupBy.PROVINCE && groupBy != GroupBy.COMMUNE) {
            throw new IllegalArgumentException("the index is grouped by province or commune");
        }
        String scoped = scope.narrow(province);
        KpiQuery query = new KpiQuery(from, to, groupBy, scoped);
        int minSample = kpis.properties().minSample();
        Map<String, VneidCounts> vneid = kpis.vneidKpis(query, scope).rows().stream()
                .collect(Collectors.toMap(VneidCounts::key, Function.identity()));
        Map<String, Rate> availability = availability(groupBy, from, to, scoped, scope);
        double lagTarget = targets.effective(Kpi.SYNC_LAG_SECONDS, scoped, targets.today(), scope)
                .map(Target::value).orElseThrow();
        Map<String, List<SyncStatus>> sync = syncStatus(scoped, scope).stream()
                .collect(Collectors.groupingBy(s -> groupBy == GroupBy.PROVINCE ? s.province() : s.commune()));
        return kpis.dossierKpis(query, scope).rows().stream()
                .map(d -> {
                    List<SyncStatus> systems = sync.getOrDefault(d.key(), List.of());
                    Rate syncOk = Rate.of(systems.stream().filter(s -> s.withinTarget(lagTarget)).count(),
                            systems.size(), 1);
                    Rate vneidSuccess = vneid.getOrDefault(d.key(), VneidCounts.zero(d.key())).successRate(minSample);
                    Rate up = availability.getOrDefault(d.key(), Rate.of(0, 0, minSample));
                    return index.score(d.key(), new CompositeIndex.Inputs(d, vneidSuccess, up, syncOk), minSample);
                })
                .toList();
    }
}
