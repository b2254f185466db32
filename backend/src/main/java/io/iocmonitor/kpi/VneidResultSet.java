package io.iocmonitor.kpi;

import java.util.List;

/** The answer to a VNeID query: one row per key, with the minimum sample its success rates are judged by. */
public record VneidResultSet(KpiQuery query, int minSample, List<VneidCounts> rows) {
}
