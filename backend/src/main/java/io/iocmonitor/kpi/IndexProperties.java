package io.iocmonitor.kpi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Points of the composite service index's groups and its rating bands ({@code ioc.kpi.index.*}). The dossier groups
 * keep the points of Decision 766/QĐ-TTg (progress 20, digitisation 22, online service 22; publicity 18 and
 * satisfaction 18 cannot be measured here and are left out); infrastructure is this product's own group.
 */
@ConfigurationProperties("ioc.kpi.index")
public record IndexProperties(Double progressPoints, Double digitisationPoints, Double onlineServicePoints,
        Double infrastructurePoints, Double excellent, Double good, Double fair, Double medium) {

    public IndexProperties {
        progressPoints = orDefault(progressPoints, 20);
        digitisationPoints = orDefault(digitisationPoints, 22);
        onlineServicePoints = orDefault(onlineServicePoints, 22);
        infrastructurePoints = orDefault(infrastructurePoints, 16);
        excellent = orDefault(excellent, 90);
        good = orDefault(good, 80);
        fair = orDefault(fair, 70);
        medium = orDefault(medium, 50);
        if (!(excellent > good && good > fair && fair > medium)) {
            throw new IllegalArgumentException("ioc.kpi.index bands must fall: excellent > good > fair > medium, not "
                    + excellent + ", " + good + ", " + fair + ", " + medium);
        }
    }

    public static IndexProperties defaults() {
        return new IndexProperties(null, null, null, null, null, null, null, null);
    }

    public RatingBand band(double score) {
        if (score >= excellent) {
            return RatingBand.EXCELLENT;
        }
        if (score >= good) {
            return RatingBand.GOOD;
        }
        if (score >= fair) {
            return RatingBand.FAIR;
        }
        return score >= medium ? RatingBand.MEDIUM : RatingBand.WEAK;
    }

    private static Double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
