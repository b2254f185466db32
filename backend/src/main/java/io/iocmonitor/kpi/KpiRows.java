package io.iocmonitor.kpi;

import java.util.List;

/**
 * The answer to a {@link KpiQuery}: one row per key, with the minimum sample its rates are judged by.
 *
 * @param <T> {@link DossierCounts} or {@link VneidCounts}
 */
public record KpiRows<T>(KpiQuery query, int minSample, List<T> rows) {
}
