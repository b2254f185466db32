package io.iocmonitor.base;

import java.time.Duration;
import java.util.List;
import java.util.function.IntUnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Append-only marks of work to redo ({@code rollup_dirty}, {@code probe_outage_dirty}, …), as writers leave them and
 * refreshers take them: one refresher of a kind at a time across servers, each deleting exactly the marks it read,
 * so that a mark committed meanwhile is done next time.
 */
public final class WorkMarks {

    private WorkMarks() {
    }

    /** Whether this transaction does the work of {@code lockKey} now (held to its end); false if another does. */
    public static boolean takeTurn(JdbcTemplate jdbc, long lockKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, lockKey));
    }

    /** Deletes the marks that were read and done. */
    public static void done(JdbcTemplate jdbc, String table, List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("DELETE FROM " + table + " WHERE id = ANY (?::bigint[])", (Object) ids.toArray(Long[]::new));
        }
    }

    /**
     * Runs {@code refresh} (given a batch size, it returns how much it did) while it does whole batches, starting no
     * batch after {@code budget} (null: until it is done); returns how much it did in all.
     */
    public static int drain(IntUnaryOperator refresh, int batch, @Nullable Duration budget) {
        long start = System.nanoTime();
        int total = 0;
        int done;
        do {
            done = refresh.applyAsInt(batch);
            total += done;
        } while (done == batch && (budget == null || System.nanoTime() - start < budget.toNanos()));
        return total;
    }
}
