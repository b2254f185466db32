package io.iocmonitor.telemetry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads an RFC 3339 timestamp with offset, exactly as {@link OffsetDateTime#parse(CharSequence)} does. The shape
 * collectors send ({@code 2025-10-01T08:30:00+07:00}, with or without a fraction, or {@code Z}) is read by hand:
 * the formatter took a sixth of the ingest writer's time. Anything else goes to the formatter, which accepts or
 * rejects it as before.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** @throws DateTimeParseException when it is not such a timestamp */
    static Instant parse(String s) {
        Instant fast = fastPath(s);
        return fast != null ? fast : OffsetDateTime.parse(s).toInstant();
    }

    private static @Nullable Instant fastPath(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 10 && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                nanos = nanos * 10 + (s.charAt(at++) - '0');
            }
            int width = at - start;
            if (width == 0 || width > 9) {
                return null;
            }
            for (int i = width; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == n - 1 && s.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == n - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int hours = digits(s, at + 1, 2);
            int minutes = digits(s, at + 4, 2);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || (hours == 18 && minutes > 0)) {
                return null;
            }
            offsetSeconds = (s.charAt(at) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds,
                    nanos);
        } catch (DateTimeException e) {
            return null; // no such day (30 February): the formatter says so in its own words
        }
    }

    /** The number written at {@code from} in exactly {@code width} ASCII digits, or -1. */
    private static int digits(String s, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
