package io.iocmonitor.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * SPEC §5: an outage starts at the first of 3 or more consecutive {@code up=false} results (consecutive in
 * {@code ts} order, whatever order they arrived in) and ends at the {@code ts} of the next {@code up=true}; with
 * no such result it is still open.
 */
public final class ProbeOutageRule {

    public static final int CONSECUTIVE_FAILURES = 3;

    /** One probe result of a target. */
    public record Result(Instant ts, boolean up) {
    }

    /** An outage span of one target. */
    public record Span(Instant start, @Nullable Instant end) {
    }

    private ProbeOutageRule() {
    }

    public static List<Span> outages(List<Result> results) {
        return outages(results, null, 0);
    }

    /**
     * The outages of results that follow {@code downs} consecutive failures, the first at {@code downSince} (it is
     * enough to know up to {@link #CONSECUTIVE_FAILURES} of them; none: 0 and null).
     */
    public static List<Span> outages(List<Result> results, @Nullable Instant downSince, int downsBefore) {
        List<Result> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparing(Result::ts));
        List<Span> spans = new ArrayList<>();
        Instant firstDown = downsBefore > 0 ? downSince : null;
        int downs = downsBefore;
        for (Result r : ordered) {
            if (!r.up()) {
                if (downs++ == 0) {
                    firstDown = r.ts();
                }
            } else {
                if (downs >= CONSECUTIVE_FAILURES) {
                    spans.add(new Span(firstDown, r.ts()));
                }
                downs = 0;
            }
        }
        if (downs >= CONSECUTIVE_FAILURES) {
            spans.add(new Span(firstDown, null));
        }
        return spans;
    }
}
