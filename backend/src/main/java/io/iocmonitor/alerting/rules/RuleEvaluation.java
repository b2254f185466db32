package io.iocmonitor.alerting.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation of one rule: its observations are grouped by province (the nation for a national rule), each
 * observation passes the rule's {@link Hysteresis}, and each group's alert takes one {@link AlertLifecycle} step.
 * A provincial outage of many communes is therefore one alert listing the communes, not one per commune.
 */
public final class RuleEvaluation {

    private RuleEvaluation() {
    }

    /**
     * @param open the rule's open alerts (pending or firing) by group key
     * @return an outcome for every group that has an open alert or an observation in trouble
     */
    public static List<GroupOutcome> evaluate(Rule rule, List<Observation> observations,
            Map<String, AlertTrack> open, Instant now) {
        Map<String, Map<String, Observation>> byGroup = new TreeMap<>();
        for (Observation o : observations) {
            if (rule.selects(o)) {
                String group = groupKey(rule, o);
                byGroup.computeIfAbsent(group, g -> new TreeMap<>()).put(memberKey(o, group.isEmpty()), o);
            }
        }
        Set<String> groups = new LinkedHashSet<>(byGroup.keySet());
        groups.addAll(open.keySet());
        Hysteresis hysteresis = rule.hysteresis();
        AlertLifecycle lifecycle = rule.lifecycle();
        List<GroupOutcome> outcomes = new ArrayList<>();
        for (String group : groups) {
            AlertTrack previous = open.get(group);
            Set<String> wasInTrouble = previous == null ? Set.of() : previous.members();
            Map<String, Observation> observed = byGroup.getOrDefault(group, Map.of());
            Set<String> keys = new LinkedHashSet<>(observed.keySet());
            keys.addAll(wasInTrouble);
            List<GroupOutcome.Member> inTrouble = new ArrayList<>();
            Evidence evidence = null;
            for (String key : keys) {
                Observation o = observed.get(key);
                if (hysteresis.inTrouble(wasInTrouble.contains(key), o, rule.signal().absentMeansWell())) {
                    inTrouble.add(new GroupOutcome.Member(key, o == null ? null : o.value()));
                }
            }
            Set<String> members = inTrouble.stream().map(GroupOutcome.Member::key).collect(Collectors.toSet());
            AlertLifecycle.Step step = lifecycle.step(previous, !inTrouble.isEmpty(), members, now);
            if (step.next() == null && step.transition() == AlertLifecycle.Transition.NONE) {
                continue;
            }
            GroupOutcome.Member worst = worst(rule, inTrouble);
            if (worst != null) {
                Observation o = observed.get(worst.key());
                evidence = o == null ? null : o.evidence();
            }
            outcomes.add(new GroupOutcome(group, step, inTrouble, worst == null ? null : worst.value(), evidence));
        }
        return outcomes;
    }

    static String groupKey(Rule rule, Observation o) {
        String province = o.province();
        return rule.scope().kind() == RuleScope.Kind.NATIONAL || province == null ? "" : province;
    }

    /**
     * The observation's labels beside its group's, e.g. {@code commune=01001 target=portal} in a province's group,
     * {@code commune=01001 province=01 target=portal} in a national one.
     */
    static String memberKey(Observation o, boolean national) {
        return new TreeMap<>(o.labels()).entrySet().stream()
                .filter(e -> (national || !e.getKey().equals("province")) && !e.getKey().equals("target_type"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static GroupOutcome.@Nullable Member worst(Rule rule, List<GroupOutcome.Member> members) {
        Comparator<GroupOutcome.Member> byValue = Comparator.comparing(m -> m.value() == null ? Double.NaN
                : m.value());
        boolean lowIsBad = rule.condition().comparison() == Threshold.Comparison.BELOW
                || rule.condition().comparison() == Threshold.Comparison.AT_MOST;
        return members.stream().filter(m -> m.value() != null)
                .min(lowIsBad ? byValue : byValue.reversed())
                .orElse(members.isEmpty() ? null : members.get(0));
    }
}
