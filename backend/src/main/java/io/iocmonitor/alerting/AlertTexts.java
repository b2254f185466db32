package io.iocmonitor.alerting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.alerting.rules.GroupOutcome;
import io.iocmonitor.alerting.rules.Rule;
import io.iocmonitor.alerting.rules.Text;

/** An alert's summary: the rule's text with its province, worst value and members filled in. */
final class AlertTexts {

    private static final int MEMBERS_SHOWN = 10;

    private AlertTexts() {
    }

    static Text summary(Rule rule, @Nullable String provinceName, @Nullable Double value,
            List<GroupOutcome.Member> members) {
        return rule.summary().fill(Map.of(
                "province", provinceName == null ? "—" : provinceName,
                "value", value(rule, value),
                "members", members(members)));
    }

    static String value(Rule rule, @Nullable Double value) {
        if (value == null) {
            return "—";
        }
        if (rule.signal().isRate()) {
            return String.format(Locale.ROOT, "%.1f %%", value * 100);
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code 01001/portal, 01002/motcua} for member keys {@code commune=01001 target=portal}, …, at most ten. */
    static String members(List<GroupOutcome.Member> members) {
        List<String> names = members.stream()
                .map(m -> java.util.Arrays.stream(m.key().split(" ")).map(kv -> kv.substring(kv.indexOf('=') + 1))
                        .collect(Collectors.joining("/")))
                .filter(s -> !s.isEmpty())
                .toList();
        String shown = String.join(", ", names.subList(0, Math.min(MEMBERS_SHOWN, names.size())));
        return names.size() > MEMBERS_SHOWN ? shown + " (+" + (names.size() - MEMBERS_SHOWN) + ")" : shown;
    }
}
