package io.iocmonitor.kpi;

import java.util.List;

/** The answer to a {@link KpiQuery}: one row of counts per key, with the minimum sample its rates are judged by. */
public record KpiResult(KpiQuery query, int minSample, List<DossierCounts> rows) {
}
