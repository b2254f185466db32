package io.iocmonitor.collector.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZonedDateTime;

/**
 * The daily rhythm of dossier submissions in ICT: peaks in the morning and early afternoon of working days, a
 * lunch dip, a trickle of online submissions at night, quiet weekends.
 */
final class OfficeHours {

    static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");

    // Relative weight of each hour of a working day, 00:00 … 23:00.
    private static final double[] HOUR_WEIGHT = {
        0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.6,
        1.6, 1.7, 1.6, 1.0, 0.3, 0.8, 1.5, 1.5,
        1.3, 0.5, 0.2, 0.2, 0.15, 0.1, 0.05, 0.03};
    private static final double WEEKDAY_TOTAL;

    static {
        double total = 0;
        for (double w : HOUR_WEIGHT) {
            total += w;
        }
        WEEKDAY_TOTAL = total;
    }

    private OfficeHours() {
    }

    /** The share of a working day's dossiers that arrive per hour at this instant (sums to 1 over a weekday). */
    static double shareOfDayPerHour(Instant at) {
        ZonedDateTime local = at.atZone(ICT);
        double dayFactor = switch (local.getDayOfWeek()) {
            case SATURDAY -> 0.3;
            case SUNDAY -> 0.15;
            default -> 1.0;
        };
        return dayFactor * HOUR_WEIGHT[local.getHour()] / WEEKDAY_TOTAL;
    }

    /** The instant as RFC 3339 with the ICT offset, as collectors write it. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ICT));
    }
}
