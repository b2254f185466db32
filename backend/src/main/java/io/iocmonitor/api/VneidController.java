package io.iocmonitor.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.VneidCounts;
import io.iocmonitor.kpi.VneidResultSet;
import io.iocmonitor.security.Scopes;

/** {@code GET /api/v1/vneid}: VNeID login attempts, success rate and latency percentiles (SPEC §8). */
@RestController
@RequestMapping("/api/v1/vneid")
class VneidController {

    private final KpiService kpis;

    VneidController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping
    Map<String, Object> vneid(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        GroupBy grouping = KpiParameters.groupBy(groupBy);
        KpiQuery query;
        VneidResultSet result;
        try {
            query = new KpiQuery(from, to, grouping, province);
            result = kpis.vneidKpis(query, Scopes.of(user));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return KpiParameters.envelope(query, result.minSample(),
                result.rows().stream().map(row -> toJson(row, result.minSample())).toList());
    }

    private static Map<String, Object> toJson(VneidCounts c, int minSample) {
        Rate success = c.successRate(minSample);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", c.key());
        row.put("attempts", c.attempts());
        row.put("ok", c.ok());
        row.put("successRate", success.value());
        row.put("p50LatencyMs", c.p50LatencyMs());
        row.put("p95LatencyMs", c.p95LatencyMs());
        row.put("insufficientData", success.insufficient());
        return row;
    }
}
