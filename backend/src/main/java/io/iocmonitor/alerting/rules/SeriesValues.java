package io.iocmonitor.alerting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The values of a test series, one per evaluation: {@code "0.75x3 0.9 _ ?x2"} = 0.75 three times, 0.9, no
 * observation, then insufficient data twice. ({@code promtool}'s {@code 0.75x3} means four values; ours means
 * three, which is what people expect.)
 */
public final class SeriesValues {

    private static final Pattern TOKEN = Pattern.compile("(-?\\d+(?:\\.\\d+)?|_|\\?)(?:x(\\d+))?");

    /** One sample: {@code null} for no observation. */
    public record Sample(@Nullable Double value, boolean insufficient) {
        static final Sample NONE = new Sample(null, false);
        static final Sample INSUFFICIENT = new Sample(null, true);
    }

    private SeriesValues() {
    }

    /** @throws IllegalArgumentException naming the token that is not understood */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher m = TOKEN.matcher(token);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + token + "\" is not a value (a number, _ for none, "
                        + "? for insufficient data, optionally xN to repeat, e.g. 0.75x10)");
            }
            Sample s = switch (m.group(1)) {
                case "_" -> Sample.NONE;
                case "?" -> Sample.INSUFFICIENT;
                default -> new Sample(Double.parseDouble(m.group(1)), false);
            };
            int times = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            for (int i = 0; i < times; i++) {
                samples.add(s);
            }
        }
        return samples;
    }
}
