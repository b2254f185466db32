package io.iocmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.iocmonitor.base.Ict;
import io.iocmonitor.store.OpenDayEnds.Version;

class OpenDayEndsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static Instant ict(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Ict.ZONE).toInstant();
    }

    private static Set<ProvinceDay> changed(Version before, Version after) {
        Set<ProvinceDay> out = new TreeSet<>();
        OpenDayEnds.changed("01", before, after, TODAY, out);
        return out;
    }

    private static Set<ProvinceDay> days(String... days) {
        Set<ProvinceDay> out = new TreeSet<>();
        for (String d : days) {
            out.add(new ProvinceDay("01", LocalDate.parse(d)));
        }
        return out;
    }

    @Test
    void aCompletionArrivingTodayChangesNoPastDayEnd() {
        Version open = new Version(ict("2026-11-20T09:00:00"), ict("2026-11-25T17:00:00"), null);
        Version closed = new Version(open.received(), open.due(), ict("2026-11-28T10:00:00"));
        assertThat(changed(open, closed)).isEmpty();
    }

    @Test
    void aLateCompletionChangesTheDayEndsBetweenItAndToday() {
        // due the 25th 17:00, completed on the 26th 10:00 but reported only now: it was counted overdue at the ends
        // of the 26th and the 27th
        Version open = new Version(ict("2026-11-20T09:00:00"), ict("2026-11-25T17:00:00"), null);
        Version closed = new Version(open.received(), open.due(), ict("2026-11-26T10:00:00"));
        assertThat(changed(open, closed)).isEqualTo(days("2026-11-26", "2026-11-27"));
    }

    @Test
    void aLateCompletionBeforeTheDossierCouldCountChangesNothing() {
        // due on the 30th: it counts only from 24 h before its deadline, and was completed long before that
        Version open = new Version(ict("2026-11-01T09:00:00"), ict("2026-11-30T17:00:00"), null);
        Version closed = new Version(open.received(), open.due(), ict("2026-11-05T10:00:00"));
        assertThat(changed(open, closed)).isEmpty();
    }

    @Test
    void aLateReceivedMarksEveryEndedDayItCountsIn() {
        // received the 24th, due the 26th 12:00, still open: nearly overdue at the end of the 25th, overdue at the
        // ends of the 26th and the 27th
        Version none = new Version(null, null, null);
        Version received = new Version(ict("2026-11-24T09:00:00"), ict("2026-11-26T12:00:00"), null);
        assertThat(changed(none, received)).isEqualTo(days("2026-11-25", "2026-11-26", "2026-11-27"));
    }

    @Test
    void anEarlierReceivedMarksTheSpansOfBothVersions() {
        Version later = new Version(ict("2026-11-24T09:00:00"), ict("2026-11-24T20:00:00"),
                ict("2026-11-25T09:00:00"));
        Version earlier = new Version(ict("2026-11-22T09:00:00"), ict("2026-11-23T12:00:00"), later.closed());
        // before it counted in (24th 09:00, 25th 09:00]: the end of the 24th; after in (22nd 12:00, 25th 09:00]: the
        // ends of the 22nd, 23rd and 24th
        assertThat(changed(later, earlier)).isEqualTo(days("2026-11-22", "2026-11-23", "2026-11-24"));
    }

    @Test
    void aClosingExactlyAtMidnightStillCountsAtThatDayEnd() {
        // m ≤ closed: completed at 00:00:00 on the 25th, it was still open at the end of the 24th
        Version open = new Version(ict("2026-11-20T09:00:00"), ict("2026-11-22T17:00:00"), null);
        Version closed = new Version(open.received(), open.due(), ict("2026-11-25T00:00:00"));
        assertThat(changed(open, closed)).isEqualTo(days("2026-11-25", "2026-11-26", "2026-11-27"));
    }
}
