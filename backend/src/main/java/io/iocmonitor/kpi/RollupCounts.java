package io.iocmonitor.kpi;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.Payment;

/**
 * What one dossier counts in the daily and monthly dossier rollups (SPEC §5): the received-side counts on the ICT day
 * of its received, the completed-side counts on the day of its completed; a cancellation counts in neither. Ingestion
 * adds a merged dossier's new counts and takes away its old ones; {@link DossierRollups} recomputes the same counts in
 * SQL for the province-days marked in {@code rollup_dirty}.
 */
public final class RollupCounts {

    /** The count columns of every dossier rollup table, in table order; the arrays below follow it. */
    public static final List<String> COLUMNS = List.of("received", "received_online", "digitized", "payment_due",
            "paid_online", "completed", "fully_online", "on_time", "overdue_completed", "e_result", "e_signed");

    /** The positions of {@code received} and {@code completed} in {@link #COLUMNS}. */
    public static final int RECEIVED = 0;
    public static final int COMPLETED = 5;

    /**
     * Advisory lock key ("IOCROLLW" as a number): ingestion holds it shared while it adds to the rollups, the
     * refresher exclusively while it recomputes marked province-days, so that neither's work is counted into the
     * other's.
     */
    public static final long WRITE_LOCK = 0x494F43524F4C4C57L;

    private RollupCounts() {
    }

    /** One version of a dossier, as far as the rollups look at it; a step not known yet is null. */
    public record Dossier(@Nullable String commune, @Nullable String procedureCode, @Nullable Instant received,
            @Nullable Channel channel, @Nullable Boolean fullProcess, @Nullable Instant dueAt,
            @Nullable Boolean digitized, @Nullable Payment payment, @Nullable Instant completed,
            @Nullable Boolean eResult, @Nullable Boolean eSigned) {
    }

    /** The counts on its received day, in {@link #COLUMNS} order (the completed-side ones 0). */
    public static long[] onReceivedDay(Dossier d) {
        long[] counts = new long[COLUMNS.size()];
        counts[RECEIVED] = 1;
        counts[1] = one(d.channel() == Channel.ONLINE);
        counts[2] = one(Boolean.TRUE.equals(d.digitized()));
        counts[3] = one(d.payment() != null && d.payment() != Payment.NONE);
        counts[4] = one(d.payment() == Payment.ONLINE);
        return counts;
    }

    /**
     * The counts on its completed day (the received-side ones 0). On time and overdue need the received's deadline:
     * a completion whose received has not arrived yet is neither.
     */
    public static long[] onCompletedDay(Dossier d) {
        Instant completed = d.completed();
        Instant due = d.dueAt();
        long[] counts = new long[COLUMNS.size()];
        counts[COMPLETED] = 1;
        counts[6] = one(FullyOnlineRule.isFullyOnline(d.channel(), d.fullProcess(), d.payment(), d.eResult()));
        counts[7] = one(completed != null && due != null && !completed.isAfter(due));
        counts[8] = one(completed != null && due != null && completed.isAfter(due));
        counts[9] = one(Boolean.TRUE.equals(d.eResult()));
        counts[10] = one(Boolean.TRUE.equals(d.eSigned()));
        return counts;
    }

    private static long one(boolean counted) {
        return counted ? 1 : 0;
    }
}
