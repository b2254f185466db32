package io.iocmonitor.alerting.rules;

import java.util.Set;

/**
 * Where a rule applies: the whole country as one figure, each province, each commune, or listed provinces or
 * communes. Site signals (outages, silence) are always per site; the scope then only selects the sites.
 */
public record RuleScope(Kind kind, Set<String> codes) {

    public enum Kind {
        NATIONAL, EACH_PROVINCE, EACH_COMMUNE, PROVINCES, COMMUNES
    }

    public RuleScope {
        codes = Set.copyOf(codes);
    }

    public static RuleScope of(Kind kind) {
        return new RuleScope(kind, Set.of());
    }

    /** The figure's grain a signal is asked for. */
    public Grain grain() {
        return switch (kind) {
            case NATIONAL -> Grain.NATIONAL;
            case EACH_PROVINCE, PROVINCES -> Grain.PROVINCE;
            case EACH_COMMUNE, COMMUNES -> Grain.COMMUNE;
        };
    }

    public boolean includes(Observation o) {
        return switch (kind) {
            case PROVINCES -> codes.contains(o.province());
            case COMMUNES -> codes.contains(o.labels().get("commune"));
            default -> true;
        };
    }

    public enum Grain {
        NATIONAL, PROVINCE, COMMUNE
    }
}
