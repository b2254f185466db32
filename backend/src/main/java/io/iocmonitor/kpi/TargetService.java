package io.iocmonitor.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.iocmonitor.base.Ict;
import io.iocmonitor.security.ProvinceScope;

/**
 * Targets per KPI, province and period (SPEC §5): the configured defaults, overridden by what administrators set,
 * and the trajectory of the full-process online rate towards its target date.
 */
@Service
public class TargetService {

    private static final Comparator<Target> MOST_SPECIFIC = Comparator.comparingInt(Target::specificity)
            .thenComparing(t -> t.validFrom() == null ? LocalDate.MIN : t.validFrom());

    private final TargetRepository repository;
    private final KpiService kpis;
    private final Clock clock;

    TargetService(TargetRepository repository, KpiService kpis, Clock clock) {
        this.repository = repository;
        this.kpis = kpis;
        this.clock = clock;
    }

    public LocalDate today() {
        return Ict.dateOf(clock.instant());
    }

    /** The target of each KPI that has one, for the province (or nationally) on the date. */
    public Map<Kpi, Target> effective(@Nullable String province, LocalDate on, ProvinceScope scope) {
        scope.narrow(province);
        List<Target> set = repository.list(province);
        Map<Kpi, Target> targets = new EnumMap<>(kpis.properties().defaultTargets());
        for (Kpi kpi : Kpi.values()) {
            set.stream()
                    .filter(t -> t.kpi() == kpi && t.appliesOn(on)
                            && (t.province() == null || t.province().equals(province)))
                    .max(MOST_SPECIFIC)
                    .ifPresent(t -> targets.put(kpi, withDueDate(t, targets.get(kpi))));
        }
        return targets;
    }

    public Optional<Target> effective(Kpi kpi, @Nullable String province, LocalDate on, ProvinceScope scope) {
        return Optional.ofNullable(effective(province, on, scope).get(kpi));
    }

    /** Every target administrators have set that concerns the scope: national ones and its provinces'. */
    public List<Target> setTargets(ProvinceScope scope) {
        return repository.list(scope.province()).stream()
                .filter(t -> t.province() == null || scope.allows(t.province()))
                .toList();
    }

    public Target set(Target target, String user) {
        long id = repository.insert(target, user, clock.instant());
        return new Target(id, target.kpi(), target.province(), target.validFrom(), target.validTo(), target.value(),
                target.dueDate());
    }

    /** Removes a target set by an administrator; false when there is none with that id. */
    public boolean delete(long id) {
        if (repository.find(id) == null) {
            return false;
        }
        repository.delete(id);
        return true;
    }

    /** The full-process online rate of the last 30 days against its target and date, for a province or nationally. */
    public Trajectory trajectory(@Nullable String province, ProvinceScope scope) {
        String scoped = scope.narrow(province);
        LocalDate today = today();
        Target target = effective(Kpi.FULL_PROCESS_ONLINE_RATE, scoped, today, scope).orElseThrow();
        int minSample = kpis.properties().minSample();
        Rate current = rate(today.minusDays(29), today.plusDays(1), scoped, scope, minSample);
        Rate previous = rate(today.minusDays(59), today.minusDays(29), scoped, scope, minSample);
        LocalDate due = target.dueDate() != null ? target.dueDate() : kpis.properties().fullProcessOnlineTargetDate();
        return Trajectory.of(Kpi.FULL_PROCESS_ONLINE_RATE, current, previous, target.value(), today, due);
    }

    private Rate rate(LocalDate from, LocalDate to, @Nullable String province, ProvinceScope scope, int minSample) {
        DossierCounts counts = kpis.dossierKpis(new KpiQuery(from, to, GroupBy.NONE, province), scope).rows().getFirst();
        return counts.fullProcessOnlineRate(minSample);
    }

    // A target set without a date keeps the default's date (the 80 % keeps its deadline when a province's
    // value changes).
    private static Target withDueDate(Target set, @Nullable Target fallback) {
        if (set.dueDate() != null || fallback == null || fallback.dueDate() == null) {
            return set;
        }
        return new Target(set.id(), set.kpi(), set.province(), set.validFrom(), set.validTo(), set.value(),
                fallback.dueDate());
    }
}
