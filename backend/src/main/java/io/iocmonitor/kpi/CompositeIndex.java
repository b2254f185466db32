package io.iocmonitor.kpi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The composite service index of a locality (SPEC §5), 0–100. Each group's score is the mean of its comparable
 * rates (those with a value and a sufficient sample); a group with none is not measured. The index is the
 * points-weighted mean of the measured groups' scores, times 100 — the "rescale to 100 over the groups measured".
 * No measured group: no index, and no band.
 */
public final class CompositeIndex {

    /** The groups measured here; publicity and satisfaction of the national index have no telemetry. */
    public enum Group {
        PROGRESS, DIGITISATION, ONLINE_SERVICE, INFRASTRUCTURE;

        public String wireName() {
            return switch (this) {
                case PROGRESS -> "progress";
                case DIGITISATION -> "digitisation";
                case ONLINE_SERVICE -> "onlineService";
                case INFRASTRUCTURE -> "infrastructure";
            };
        }
    }

    /** What the index is computed from. {@code syncWithinTarget}: systems whose latest lag meets its target. */
    public record Inputs(DossierCounts dossiers, Rate vneidSuccess, Rate availability, Rate syncWithinTarget) {
    }

    /**
     * @param score  the index, or {@code null} when no group could be measured
     * @param groups each measured group's score in [0, 1]
     */
    public record Score(String key, @Nullable Double score, @Nullable RatingBand band, Map<Group, Double> groups) {
    }

    private final IndexProperties properties;

    public CompositeIndex(IndexProperties properties) {
        this.properties = properties;
    }

    public Score score(String key, Inputs inputs, int minSample) {
        DossierCounts d = inputs.dossiers();
        Map<Group, List<Rate>> rates = Map.of(
                Group.PROGRESS, List.of(d.onTimeRate(minSample)),
                Group.DIGITISATION, List.of(d.digitisationRate(minSample), d.eResultRate(minSample)),
                Group.ONLINE_SERVICE, List.of(d.fullProcessOnlineRate(minSample), d.onlineSubmissionRate(minSample),
                        d.onlinePaymentRate(minSample)),
                Group.INFRASTRUCTURE, List.of(inputs.availability(), inputs.vneidSuccess(), inputs.syncWithinTarget()));
        Map<Group, Double> groups = new EnumMap<>(Group.class);
        double weighted = 0;
        double points = 0;
        for (Group group : Group.values()) {
            Double mean = meanOfComparable(rates.get(group));
            if (mean != null) {
                groups.put(group, mean);
                weighted += points(group) * mean;
                points += points(group);
            }
        }
        if (points == 0) {
            return new Score(key, null, null, groups);
        }
        double score = 100 * weighted / points;
        return new Score(key, score, properties.band(score), groups);
    }

    double points(Group group) {
        return switch (group) {
            case PROGRESS -> properties.progressPoints();
            case DIGITISATION -> properties.digitisationPoints();
            case ONLINE_SERVICE -> properties.onlineServicePoints();
            case INFRASTRUCTURE -> properties.infrastructurePoints();
        };
    }

    private static @Nullable Double meanOfComparable(List<Rate> rates) {
        List<Double> values = rates.stream().filter(Rate::isComparable).map(Rate::value).filter(Objects::nonNull)
                .toList();
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
