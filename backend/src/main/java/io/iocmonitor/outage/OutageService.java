package io.iocmonitor.outage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.iocmonitor.base.Ict;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;

/** The outages that overlap a period, probe and silent alike, cut to the caller's scope. */
@Service
public class OutageService {

    private final OutageRepository repository;
    private final ReferenceData reference;
    private final Clock clock;

    OutageService(OutageRepository repository, ReferenceData reference, Clock clock) {
        this.repository = repository;
        this.reference = reference;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Outages overlapping {@code [from, to)} (local dates in ICT), newest first. */
    public List<Outage> outages(LocalDate from, LocalDate to, @Nullable String province, ProvinceScope scope) {
        Ict.requirePeriod(from, to);
        String only = scope.narrow(province);
        Instant start = Ict.startOf(from);
        Instant end = Ict.startOf(to);
        Instant now = clock.instant();
        List<Outage> outages = new ArrayList<>(repository.probeOutages(start, end, only));
        for (OutageRepository.SiteSigns site : repository.signsOfLife(start, end, only)) {
            for (ProbeOutageRule.Span span : SilenceRule.outages(site.runs(), site.wills(), now)) {
                outages.add(outage(site.site(), OutageCause.SILENT, span));
            }
        }
        return outages.stream()
                .filter(o -> o.overlaps(start, end))
                .sorted(Comparator.comparing(Outage::start).reversed())
                .toList();
    }

    /** Per province in scope (every one, zeros where nothing happened): outages, open ones and MTTR. */
    public List<OutageSummary> summary(LocalDate from, LocalDate to, @Nullable String province, ProvinceScope scope) {
        Map<String, List<Outage>> byProvince = outages(from, to, province, scope).stream()
                .collect(Collectors.groupingBy(Outage::province));
        String only = scope.narrow(province);
        return reference.provinces().stream().map(Province::code)
                .filter(code -> only == null || only.equals(code))
                .map(code -> OutageSummary.of(code, byProvince.getOrDefault(code, List.of()), Ict.startOf(from),
                        Ict.startOf(to)))
                .toList();
    }

    private static Outage outage(OutageRepository.Key key, OutageCause cause, ProbeOutageRule.Span span) {
        return new Outage(key.province(), key.commune(), key.target(), cause, span.start(), span.end());
    }
}
