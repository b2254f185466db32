package io.iocmonitor.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.base.Ict;

/**
 * Which past days' ends a change of a dossier moves in or out of the open-dossier counts. A dossier received at r,
 * due at u and closed (completed or cancelled) at c counts at a moment m as overdue open when r &lt; m, u &lt; m and
 * m ≤ c, and as nearly overdue when r &lt; m ≤ u &lt; m + 24 h and m ≤ c: it counts somewhere exactly for m in
 * (max(r, u − 24 h), c]. Day ends are the starts of the following days in ICT; only days before today have ended.
 */
final class OpenDayEnds {

    static final Duration NEARLY = Duration.ofHours(24);

    /** What decides a dossier's open counts; {@code closed} null while it is open. */
    record Version(@Nullable Instant received, @Nullable Instant due, @Nullable Instant closed) {

        /** max(r, u − 24 h): it may count only after this, or null when it never counts (no r or u yet). */
        @Nullable Instant start() {
            if (received == null || due == null) {
                return null;
            }
            return due.minus(NEARLY).isAfter(received) ? due.minus(NEARLY) : received;
        }
    }

    private OpenDayEnds() {
    }

    /** Adds the province-days whose end counts changed from {@code before} to {@code after}. */
    static void changed(String province, Version before, Version after, LocalDate today, Set<ProvinceDay> out) {
        if (Objects.equals(before.received(), after.received()) && Objects.equals(before.due(), after.due())) {
            // only the closing moved: the counts differ between the two closings, where the dossier counts at all
            Instant start = after.start();
            if (start == null || Objects.equals(before.closed(), after.closed())) {
                return;
            }
            Instant earlier = earlier(before.closed(), after.closed());
            Instant later = Objects.equals(earlier, before.closed()) ? after.closed() : before.closed();
            mark(province, earlier.isAfter(start) ? earlier : start, later, today, out);
            return;
        }
        mark(province, before, today, out);
        mark(province, after, today, out);
    }

    private static void mark(String province, Version version, LocalDate today, Set<ProvinceDay> out) {
        Instant start = version.start();
        if (start != null && (version.closed() == null || version.closed().isAfter(start))) {
            mark(province, start, version.closed(), today, out);
        }
    }

    // The ends of days d with from < start(d + 1) ≤ to (to null: every day until yesterday).
    private static void mark(String province, Instant from, @Nullable Instant to, LocalDate today,
            Set<ProvinceDay> out) {
        LocalDate last = to == null ? today.minusDays(1) : Ict.dateOf(to).minusDays(1);
        if (last.isAfter(today.minusDays(1))) {
            last = today.minusDays(1);
        }
        for (LocalDate d = Ict.dateOf(from); !d.isAfter(last); d = d.plusDays(1)) {
            out.add(new ProvinceDay(province, d));
        }
    }

    // Null is "never closed", later than any instant.
    private static Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return Objects.requireNonNull(b);
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
