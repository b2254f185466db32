package io.iocmonitor.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * SPEC §5: a site whose collector sent nothing (no heartbeat, no event) for 5 minutes, or whose last will arrived,
 * is in a "collector silent" outage. It starts at the last sign of life (or at the last will) and ends at the next
 * event; if nothing came since, it is open once 5 minutes have passed.
 */
public final class SilenceRule {

    public static final Duration SILENCE = Duration.ofMinutes(5);

    /** Something a site's collector sent: any event, or its last will ({@code offline}). */
    public record Signal(Instant ts, boolean lastWill) {
    }

    private SilenceRule() {
    }

    public static List<ProbeOutageRule.Span> outages(List<Signal> signals, Instant now) {
        List<Signal> ordered = new ArrayList<>(signals);
        ordered.sort(Comparator.comparing(Signal::ts));
        List<ProbeOutageRule.Span> spans = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Signal current = ordered.get(i);
            @Nullable Signal next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            Instant until = next != null ? next.ts() : now;
            boolean silent = Duration.between(current.ts(), until).compareTo(SILENCE) >= 0;
            if (current.lastWill() || silent) {
                // a will followed by more wills or silence is one outage, not several
                if (!spans.isEmpty() && spans.getLast().end() != null && spans.getLast().end().equals(current.ts())
                        && ordered.get(i - 1).lastWill()) {
                    ProbeOutageRule.Span previous = spans.removeLast();
                    spans.add(new ProbeOutageRule.Span(previous.start(), next != null ? next.ts() : null));
                } else {
                    spans.add(new ProbeOutageRule.Span(current.ts(), next != null ? next.ts() : null));
                }
            }
        }
        return spans;
    }
}
