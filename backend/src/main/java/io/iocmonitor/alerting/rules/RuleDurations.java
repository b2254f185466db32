package io.iocmonitor.alerting.rules;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as rule files write them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}, {@code 0}. */
public final class RuleDurations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private RuleDurations() {
    }

    public static Optional<Duration> parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            at = m.end();
        }
        return at == 0 ? Optional.empty() : Optional.of(total);
    }

    /** The shortest way a rule file would write it, e.g. {@code 1h30m}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        long s = d.toSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                b.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        int ms = d.toMillisPart();
        if (ms > 0) {
            b.append(ms).append("ms");
        }
        return b.toString();
    }
}
