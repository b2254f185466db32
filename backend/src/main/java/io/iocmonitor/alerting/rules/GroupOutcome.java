package io.iocmonitor.alerting.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one evaluation did to one alert group (rule + province, or the nation).
 *
 * @param groupKey the province code, or {@code ""} for a national alert
 * @param members  the communes or sites in trouble now, each with its value
 * @param value    the worst value among them (the lowest for a "below" condition, else the highest)
 * @param evidence where a person sees the figure behind the worst member
 */
public record GroupOutcome(String groupKey, AlertLifecycle.Step step, List<Member> members, @Nullable Double value,
        @Nullable Evidence evidence) {

    /** @param key e.g. {@code commune=01001 target=portal}, or {@code ""} when the group has one figure */
    public record Member(String key, @Nullable Double value) {
    }

    public @Nullable String province() {
        return groupKey.isEmpty() ? null : groupKey;
    }
}
