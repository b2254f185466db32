package io.iocmonitor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsWhatTheFormatterReadsAsTheSameInstant() {
        Random random = new Random(3339);
        for (int i = 0; i < 100_000; i++) {
            String s = "%04d-%02d-%02dT%02d:%02d:%02d%s%s".formatted(1900 + random.nextInt(300),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextInt(60), List.of("", ".5", ".123", ".123456", ".123456789").get(random.nextInt(5)),
                    List.of("Z", "+07:00", "-05:30", "+00:00", "-00:00", "+14:00", "-18:00").get(random.nextInt(7)));
            assertThat(Rfc3339.parse(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
    }

    @Test
    void otherShapesTheFormatterAcceptsStillParse() {
        for (String s : List.of("2025-10-01t08:30:00+07:00", "2025-10-01T08:30+07:00", "2025-10-01T08:30:00+07:00:00",
                "2024-02-29T12:00:00Z")) {
            assertThat(Rfc3339.parse(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
    }

    @Test
    void whatTheFormatterRejectsIsRejected() {
        for (String s : List.of("2025-02-29T12:00:00Z", "2025-04-31T12:00:00Z", "2025-13-01T12:00:00Z",
                "2025-10-01T24:00:00Z", "2025-10-01T23:60:00Z", "2025-10-01T23:59:60Z", "2025-10-01T08:30:00",
                "2025-10-01T08:30:00+18:30", "2025-10-01T08:30:00+07:60", "2025-10-01T08:30:00.1234567890Z",
                "2025-10-01T08:30:00ZZ", "2025-10-01 08:30:00Z", "2025-1-01T08:30:00Z", "2025-10-01T08:30:00+0700",
                "٢٠٢٥-10-01T08:30:00Z", "")) {
            assertThatThrownBy(() -> Rfc3339.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void aFractionIsReadToTheNanosecond() {
        assertThat(Rfc3339.parse("2026-09-30T23:59:59.000000001+07:00"))
                .isEqualTo(Instant.parse("2026-09-30T16:59:59.000000001Z"));
    }
}
