package io.iocmonitor.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * SPEC §5: a site whose collector sent nothing (no heartbeat, no event) for 5 minutes, or whose last will arrived,
 * is in a "collector silent" outage. It starts at the last sign of life (or at the last will) and ends at the next
 * event; if nothing came since, it is open once 5 minutes have passed. A will followed by more wills, or by silence,
 * is one outage.
 *
 * <p>The signs of life other than wills are kept as {@link Run runs}, not one by one: within a run every gap is
 * under 5 minutes, so only its start and end can begin or end a silence. A will is kept with the next sign of life
 * after it, whatever its kind.
 */
public final class SilenceRule {

    public static final Duration SILENCE = Duration.ofMinutes(5);

    /** Signs of life (no will) from {@code start} to {@code end}, none 5 minutes or more after the one before. */
    public record Run(Instant start, Instant end) {
    }

    /** A last will, and the next sign of life (any, a will too) after it, or null while there is none. */
    public record Will(Instant ts, @Nullable Instant next) {
    }

    private SilenceRule() {
    }

    /** The runs that the given runs make together: sorted, and those less than 5 minutes apart joined. */
    public static List<Run> join(Collection<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(Run::start));
        List<Run> joined = new ArrayList<>();
        for (Run run : sorted) {
            Run last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && Duration.between(last.end(), run.start()).compareTo(SILENCE) < 0) {
                joined.set(joined.size() - 1, new Run(last.start(),
                        run.end().isAfter(last.end()) ? run.end() : last.end()));
            } else {
                joined.add(run);
            }
        }
        return joined;
    }

    /** The silent outages of one site, from its {@link #join joined} runs and its wills, as of {@code now}. */
    public static List<ProbeOutageRule.Span> outages(List<Run> runs, List<Will> wills, Instant now) {
        List<Will> byTime = new ArrayList<>(wills);
        byTime.sort(Comparator.comparing(Will::ts));
        // each candidate: a span, and whether a will started it
        List<ProbeOutageRule.Span> spans = new ArrayList<>();
        List<Boolean> byWill = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Instant end = runs.get(i).end();
            Instant next = earliest(i + 1 < runs.size() ? runs.get(i + 1).start() : null, willAfter(byTime, end));
            if (Duration.between(end, next != null ? next : now).compareTo(SILENCE) >= 0) {
                candidates.add(new Candidate(new ProbeOutageRule.Span(end, next), false));
            }
        }
        byTime.forEach(w -> candidates.add(new Candidate(new ProbeOutageRule.Span(w.ts(), w.next()), true)));
        candidates.sort(Comparator.comparing(c -> c.span().start()));
        for (Candidate c : candidates) {
            int last = spans.size() - 1;
            if (last >= 0 && byWill.get(last) && c.span().start().equals(spans.get(last).end())) {
                spans.set(last, new ProbeOutageRule.Span(spans.get(last).start(), c.span().end()));
                byWill.set(last, c.byWill());
            } else {
                spans.add(c.span());
                byWill.add(c.byWill());
            }
        }
        return spans;
    }

    private record Candidate(ProbeOutageRule.Span span, boolean byWill) {
    }

    private static @Nullable Instant willAfter(List<Will> byTime, Instant ts) {
        for (Will w : byTime) {
            if (w.ts().isAfter(ts)) {
                return w.ts();
            }
        }
        return null;
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
