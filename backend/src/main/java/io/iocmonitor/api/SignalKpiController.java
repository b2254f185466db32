package io.iocmonitor.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.kpi.CompositeIndex;
import io.iocmonitor.kpi.DataQuality;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.SignalKpiService;
import io.iocmonitor.kpi.SyncStatus;
import io.iocmonitor.security.Scopes;

/**
 * Portal sync ({@code /sync}), probe availability ({@code /availability}), data quality ({@code /data-quality}) and
 * the composite index ({@code /index}): the KPIs of SPEC §5 beyond dossiers and VNeID, scoped like {@code /kpis}.
 */
@RestController
@RequestMapping("/api/v1")
class SignalKpiController {

    private final SignalKpiService signals;

    SignalKpiController(SignalKpiService signals) {
        this.signals = signals;
    }

    @GetMapping("/sync")
    List<Map<String, Object>> sync(@RequestParam(required = false) @Nullable String province, Authentication user) {
        return signals.syncStatus(province, Scopes.of(user)).stream().map(SignalKpiController::syncRow).toList();
    }

    @GetMapping("/availability")
    List<Map<String, Object>> availability(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "province") String groupBy,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        return signals.availability(KpiController.groupBy(groupBy), from, to, province, Scopes.of(user))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("key", e.getKey());
                    row.put("up", e.getValue().numerator());
                    row.put("probes", e.getValue().denominator());
                    row.put("availability", e.getValue().value());
                    row.put("insufficientData", e.getValue().insufficient());
                    return row;
                })
                .toList();
    }

    @GetMapping("/data-quality")
    List<Map<String, Object>> dataQuality(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        return signals.dataQuality(from, to, province, Scopes.of(user)).stream()
                .map(SignalKpiController::qualityRow).toList();
    }

    @GetMapping("/index")
    List<Map<String, Object>> index(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "province") String groupBy,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        return signals.index(from, to, KpiController.groupBy(groupBy), province, Scopes.of(user)).stream()
                .map(SignalKpiController::indexRow).toList();
    }

    private static Map<String, Object> syncRow(SyncStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("province", s.province());
        row.put("commune", s.commune());
        row.put("system", s.system());
        row.put("ts", s.ts().toString());
        row.put("pending", s.pending());
        row.put("failed", s.failed());
        row.put("lagSeconds", s.lagSeconds());
        return row;
    }

    private static Map<String, Object> qualityRow(DataQuality q) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("province", q.province());
        row.put("communes", q.completeness().denominator());
        row.put("reportingCommunes", q.completeness().numerator());
        row.put("completeness", q.completeness().value());
        row.put("newestEvent", q.newestEvent() == null ? null : q.newestEvent().toString());
        row.put("freshnessSeconds", q.freshnessSeconds());
        Rate rejected = q.rejected();
        row.put("events", rejected.denominator());
        row.put("rejected", rejected.numerator());
        row.put("rejectedRate", rejected.value());
        return row;
    }

    private static Map<String, Object> indexRow(CompositeIndex.Score s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", s.key());
        row.put("score", s.score());
        row.put("band", s.band() == null ? null : s.band().wireName());
        Map<String, Object> groups = new LinkedHashMap<>();
        s.groups().forEach((group, score) -> groups.put(group.wireName(), score));
        row.put("groups", groups);
        return row;
    }
}
