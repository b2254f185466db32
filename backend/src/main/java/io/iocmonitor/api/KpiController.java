package io.iocmonitor.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiRows;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.VneidCounts;
import io.iocmonitor.security.ProvinceScope;
import io.iocmonitor.security.Scopes;

/**
 * {@code GET /api/v1/kpis} (dossier counts and rates) and {@code GET /api/v1/vneid} (VNeID logins) for a period,
 * grouped (SPEC §8). Both answer {@code {from, to, groupBy, [province], minSample, rows}}.
 */
@RestController
@RequestMapping("/api/v1")
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    Map<String, Object> kpis(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String per,
            Authentication user) {
        return answer(new KpiQuery(from, to, groupBy(groupBy), province, per == null ? null : groupBy(per)), user,
                kpis::dossierKpis, KpiController::dossierRow);
    }

    @GetMapping("/vneid")
    Map<String, Object> vneid(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        return answer(new KpiQuery(from, to, groupBy(groupBy), province), user, kpis::vneidKpis,
                KpiController::vneidRow);
    }

    private static <T> Map<String, Object> answer(KpiQuery query, Authentication user,
            BiFunction<KpiQuery, ProvinceScope, KpiRows<T>> run, BiFunction<T, Integer, Map<String, Object>> toJson) {
        KpiRows<T> result = run.apply(query, Scopes.of(user));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("groupBy", query.groupBy().wireName());
        if (query.per() != null) {
            body.put("per", query.per().wireName());
        }
        if (query.province() != null) {
            body.put("province", query.province());
        }
        body.put("minSample", result.minSample());
        body.put("rows", result.rows().stream().map(row -> toJson.apply(row, result.minSample())).toList());
        return body;
    }

    static GroupBy groupBy(String value) {
        return GroupBy.fromWire(value).orElseThrow(() -> new BadRequestException("groupBy \"" + value
                + "\" is not supported; use one of "
                + Arrays.stream(GroupBy.values()).map(GroupBy::wireName).collect(Collectors.joining(", "))));
    }

    // Field names are the contract of SPEC §8; insufficientData lists the rates below the minimum sample.
    private static Map<String, Object> dossierRow(DossierCounts c, int minSample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", c.key());
        if (c.period() != null) {
            row.put("period", c.period());
        }
        row.put("received", c.received());
        row.put("receivedOnline", c.receivedOnline());
        row.put("digitized", c.digitized());
        row.put("paymentDue", c.paymentDue());
        row.put("paidOnline", c.paidOnline());
        row.put("completed", c.completed());
        row.put("fullyOnline", c.fullyOnline());
        row.put("onTime", c.onTime());
        row.put("overdueCompleted", c.overdueCompleted());
        row.put("overdueOpen", c.overdueOpen());
        row.put("nearlyOverdue", c.nearlyOverdue());
        row.put("eResult", c.eResult());
        row.put("eSigned", c.eSigned());
        List<String> insufficient = new ArrayList<>();
        putRate(row, insufficient, "fullProcessOnlineRate", c.fullProcessOnlineRate(minSample));
        putRate(row, insufficient, "onlineSubmissionRate", c.onlineSubmissionRate(minSample));
        putRate(row, insufficient, "digitisationRate", c.digitisationRate(minSample));
        putRate(row, insufficient, "onlinePaymentRate", c.onlinePaymentRate(minSample));
        putRate(row, insufficient, "onTimeRate", c.onTimeRate(minSample));
        putRate(row, insufficient, "eResultRate", c.eResultRate(minSample));
        putRate(row, insufficient, "eSignatureRate", c.eSignatureRate(minSample));
        row.put("insufficientData", insufficient);
        return row;
    }

    private static Map<String, Object> vneidRow(VneidCounts c, int minSample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", c.key());
        row.put("attempts", c.attempts());
        row.put("ok", c.ok());
        List<String> insufficient = new ArrayList<>();
        putRate(row, insufficient, "successRate", c.successRate(minSample));
        row.put("p50LatencyMs", c.p50LatencyMs());
        row.put("p95LatencyMs", c.p95LatencyMs());
        row.put("insufficientData", insufficient);
        return row;
    }

    private static void putRate(Map<String, Object> row, List<String> insufficient, String name, Rate rate) {
        row.put(name, rate.value());
        if (rate.insufficient()) {
            insufficient.add(name);
        }
    }
}
