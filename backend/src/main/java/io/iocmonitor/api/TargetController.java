package io.iocmonitor.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.kpi.Trajectory;
import io.iocmonitor.security.Scopes;

/**
 * Targets per KPI, province and period: the effective ones ({@code GET /targets}), those administrators set
 * ({@code GET /targets/set}, {@code POST /targets}, {@code DELETE /targets/{id}}, ADMIN only), and the trajectory
 * of the full-process online rate towards its target date ({@code GET /trajectory}).
 */
@RestController
@RequestMapping("/api/v1")
class TargetController {

    private final TargetService targets;

    TargetController(TargetService targets) {
        this.targets = targets;
    }

    /** A target as an administrator sends it. */
    record TargetRequest(String kpi, @Nullable String province, @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo, Double value, @Nullable LocalDate dueDate) {
    }

    @GetMapping("/targets")
    List<Map<String, Object>> effective(@RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Authentication user) {
        LocalDate on = date != null ? date : targets.today();
        return targets.effective(province, on, Scopes.of(user)).values().stream()
                .map(TargetController::toJson).toList();
    }

    @GetMapping("/targets/set")
    List<Map<String, Object>> set(Authentication user) {
        return targets.setTargets(Scopes.of(user)).stream().map(TargetController::toJson).toList();
    }

    @PostMapping("/targets")
    ResponseEntity<Map<String, Object>> create(@RequestBody TargetRequest request, Authentication user) {
        if (request.kpi() == null || request.value() == null) {
            throw new BadRequestException("fields \"kpi\" and \"value\" are required");
        }
        Kpi kpi = Kpi.fromWire(request.kpi()).orElseThrow(() -> new BadRequestException(
                "kpi \"" + request.kpi() + "\" is not one of " + java.util.Arrays.stream(Kpi.values())
                        .map(Kpi::wireName).toList()));
        Scopes.of(user).narrow(request.province());
        Target created = targets.set(new Target(null, kpi, request.province(), request.validFrom(),
                request.validTo(), request.value(), request.dueDate()), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/targets/" + created.id())).body(toJson(created));
    }

    @DeleteMapping("/targets/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        return targets.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/trajectory")
    Map<String, Object> trajectory(@RequestParam(required = false) @Nullable String province, Authentication user) {
        Trajectory t = targets.trajectory(province, Scopes.of(user));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kpi", t.kpi().wireName());
        body.put("province", Scopes.of(user).narrow(province));
        body.put("today", t.today().toString());
        body.put("current", t.current().value());
        body.put("currentCompleted", t.current().denominator());
        body.put("previous", t.previous().value());
        body.put("target", t.target());
        body.put("dueDate", t.dueDate().toString());
        body.put("monthsLeft", t.monthsLeft());
        body.put("monthlyGainNeeded", t.monthlyGainNeeded());
        body.put("recentMonthlyGain", t.recentMonthlyGain());
        body.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return body;
    }

    private static Map<String, Object> toJson(Target t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", t.id());
        row.put("kpi", t.kpi().wireName());
        row.put("province", t.province());
        row.put("value", t.value());
        row.put("validFrom", t.validFrom() == null ? null : t.validFrom().toString());
        row.put("validTo", t.validTo() == null ? null : t.validTo().toString());
        row.put("dueDate", t.dueDate() == null ? null : t.dueDate().toString());
        row.put("source", t.isDefault() ? "default" : "set");
        return row;
    }
}
