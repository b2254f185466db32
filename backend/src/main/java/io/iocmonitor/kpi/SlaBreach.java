package io.iocmonitor.kpi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One dossier behind an SLA breach figure (SPEC §5): open past its deadline at the period's end (or now), or
 * completed in the period after its deadline.
 *
 * @param completedTs {@code null} for an overdue open dossier
 */
public record SlaBreach(String province, String commune, String dossierId, String procedureCode, Kind kind,
        Instant receivedTs, Instant dueAt, @Nullable Instant completedTs) {

    /** Which of the two SLA breach counts the dossier is in. */
    public enum Kind {
        /** Quá hạn đang xử lý: open with {@code dueAt} passed (the {@code overdueOpen} count). */
        OVERDUE_OPEN,
        /** Hoàn thành trễ hạn: completed in the period after {@code dueAt} (the {@code overdueCompleted} count). */
        COMPLETED_LATE
    }
}
