package io.iocmonitor.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outages of one province over a period (SPEC §5).
 *
 * @param outages     outages overlapping the period
 * @param open        of those, still open
 * @param ended       of those, ended within the period
 * @param mttrSeconds mean time to repair: the mean duration of the outages that ended in the period, or
 *                    {@code null} when none did
 */
public record OutageSummary(String province, int outages, int open, int ended, @Nullable Long mttrSeconds) {

    /** Summarises outages of the province that overlap {@code [from, to)}. */
    public static OutageSummary of(String province, List<Outage> outages, Instant from, Instant to) {
        int open = 0;
        int ended = 0;
        Duration repaired = Duration.ZERO;
        for (Outage o : outages) {
            if (o.end() == null) {
                open++;
            } else if (!o.end().isBefore(from) && o.end().isBefore(to)) {
                ended++;
                repaired = repaired.plus(Duration.between(o.start(), o.end()));
            }
        }
        return new OutageSummary(province, outages.size(), open, ended,
                ended == 0 ? null : repaired.toSeconds() / ended);
    }
}
