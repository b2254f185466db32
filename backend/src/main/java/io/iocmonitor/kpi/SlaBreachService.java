package io.iocmonitor.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.iocmonitor.base.Ict;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.OutOfScopeException;
import io.iocmonitor.security.ProvinceScope;

/**
 * The SLA breach list of a province or commune for a period, cut to the caller's scope like {@link KpiService}:
 * a province outside it yields {@link OutOfScopeException}, and a national caller who names none gets every
 * province's.
 */
@Service
public class SlaBreachService {

    /** The most rows one call returns, whatever limit is asked for. */
    public static final int MAX_ROWS = 5_000;

    private final SlaBreachRepository repository;
    private final ReferenceData reference;
    private final Clock clock;

    SlaBreachService(SlaBreachRepository repository, ReferenceData reference, Clock clock) {
        this.repository = repository;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * @param province a province code, or {@code null} for every province in scope
     * @param commune  a commune code (of {@code province}, or of a province in scope), or {@code null}
     * @param limit    how many rows at most (capped at {@link #MAX_ROWS})
     */
    public SlaBreaches breaches(LocalDate from, LocalDate to, @Nullable String province, @Nullable String commune,
            int limit, ProvinceScope scope) {
        Ict.requirePeriod(from, to);
        String only = scope.narrow(province);
        // The query keeps the province filter too; this only turns a commune of another province into a clear no.
        if (commune != null && only != null && !reference.isCommuneOf(only, commune)) {
            throw new OutOfScopeException("of commune " + commune);
        }
        Instant end = Ict.startOf(to);
        Instant now = clock.instant();
        return repository.breaches(Ict.startOf(from), end, now.isBefore(end) ? now : end, only, commune,
                Math.clamp(limit, 1, MAX_ROWS));
    }
}
