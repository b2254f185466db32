package io.iocmonitor.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.base.Ict;

/** Dates, times and durations in the chosen locale, always on the ICT calendar (SPEC §2). */
final class TimeFormat {

    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    TimeFormat(Locale locale) {
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(Ict.ZONE);
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
    }

    String dateTime(@Nullable Instant instant) {
        return instant == null ? "–" : dateTime.format(instant);
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    /** "2 d 3 h", "3 h 05 min", "12 min": units are the same in Vietnamese and English. */
    static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes >= 24 * 60) {
            return minutes / (24 * 60) + " d " + minutes % (24 * 60) / 60 + " h";
        }
        if (minutes >= 60) {
            return minutes / 60 + " h " + String.format(Locale.ROOT, "%02d", minutes % 60) + " min";
        }
        return minutes + " min";
    }
}
