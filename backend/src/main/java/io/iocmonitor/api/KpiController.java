package io.iocmonitor.api;

import java.time.LocalDate;
import java.util.ArrayList;
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

import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiResult;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.security.Scopes;

/** {@code GET /api/v1/kpis}: dossier counts and rates for a period, grouped (SPEC §8). */
@RestController
@RequestMapping("/api/v1/kpis")
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping
    Map<String, Object> kpis(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        GroupBy grouping = KpiParameters.groupBy(groupBy);
        KpiQuery query;
        KpiResult result;
        try {
            query = new KpiQuery(from, to, grouping, province);
            result = kpis.dossierKpis(query, Scopes.of(user));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return KpiParameters.envelope(query, result.minSample(),
                result.rows().stream().map(row -> toJson(row, result.minSample())).toList());
    }

    // Field names are the contract of SPEC §8; insufficientData lists the rates below the minimum sample.
    private static Map<String, Object> toJson(DossierCounts c, int minSample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", c.key());
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

    private static void putRate(Map<String, Object> row, List<String> insufficient, String name, Rate rate) {
        row.put(name, rate.value());
        if (rate.insufficient()) {
            insufficient.add(name);
        }
    }
}
