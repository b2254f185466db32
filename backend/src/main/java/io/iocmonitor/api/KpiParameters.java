package io.iocmonitor.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiQuery;

/** Parsing of the query parameters the KPI endpoints share. */
final class KpiParameters {

    private KpiParameters() {
    }

    /** The answer's envelope (SPEC §8): the query as understood, the minimum sample, and the rows. */
    static Map<String, Object> envelope(KpiQuery query, int minSample, List<Map<String, Object>> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("groupBy", query.groupBy().wireName());
        if (query.province() != null) {
            body.put("province", query.province());
        }
        body.put("minSample", minSample);
        body.put("rows", rows);
        return body;
    }

    static GroupBy groupBy(String value) {
        return GroupBy.fromWire(value).orElseThrow(() -> new BadRequestException("groupBy \"" + value
                + "\" is not supported; use one of "
                + Arrays.stream(GroupBy.values()).map(GroupBy::wireName).collect(Collectors.joining(", "))));
    }
}
