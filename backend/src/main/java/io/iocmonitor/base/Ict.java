package io.iocmonitor.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Asia/Ho_Chi_Minh (ICT, UTC+07:00, no DST): the calendar of every figure the product shows. */
public final class Ict {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Ict() {
    }

    /** The first instant of a local date in ICT. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** Checks a period {@code [from, to)} of local dates: it must not be empty. */
    public static void requirePeriod(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
