package io.iocmonitor.api;

import java.time.Instant;
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

import io.iocmonitor.outage.Outage;
import io.iocmonitor.outage.OutageService;
import io.iocmonitor.security.Scopes;

/**
 * {@code GET /api/v1/outages}: probe and collector-silent outages overlapping a period (SPEC §8); {@code /summary}:
 * their count, open ones and MTTR per province.
 */
@RestController
@RequestMapping("/api/v1/outages")
class OutageController {

    private final OutageService outages;

    OutageController(OutageService outages) {
        this.outages = outages;
    }

    @GetMapping
    List<Map<String, Object>> outages(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        try {
            Instant now = outages.now();
            return outages.outages(from, to, province, Scopes.of(user)).stream().map(o -> toJson(o, now)).toList();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GetMapping("/summary")
    List<Map<String, Object>> summary(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Nullable String province,
            Authentication user) {
        return outages.summary(from, to, province, Scopes.of(user)).stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("province", s.province());
            row.put("outages", s.outages());
            row.put("open", s.open());
            row.put("ended", s.ended());
            row.put("mttrSeconds", s.mttrSeconds());
            return row;
        }).toList();
    }

    private static Map<String, Object> toJson(Outage o, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("province", o.province());
        row.put("commune", o.commune());
        row.put("target", o.target());
        row.put("cause", o.cause().wireName());
        row.put("start", o.start().toString());
        row.put("end", o.end() == null ? null : o.end().toString());
        row.put("durationSeconds", o.duration(now).toSeconds());
        return row;
    }
}
