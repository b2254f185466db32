package io.iocmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ArrayColumnsTest {

    @Test
    void isoWritesWhatInstantParsesBackToTheSameInstant() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            // 1970 to 2100, whole seconds, milliseconds, microseconds and nanoseconds
            Instant t = Instant.ofEpochSecond(random.nextLong(4_102_444_800L),
                    List.of(0, 1_000_000 * random.nextInt(1000), 1000 * random.nextInt(1_000_000),
                            random.nextInt(1_000_000_000)).get(i % 4));
            assertThat(Instant.parse(ArrayColumns.iso(t))).as(t.toString()).isEqualTo(t);
        }
    }

    @Test
    void isoHasTheShapePostgresqlReads() {
        assertThat(ArrayColumns.iso(Instant.parse("2026-09-30T17:00:00Z"))).isEqualTo("2026-09-30T17:00:00Z");
        assertThat(ArrayColumns.iso(Instant.parse("2026-01-02T03:04:05.006Z")))
                .isEqualTo("2026-01-02T03:04:05.006000000Z");
        assertThat(ArrayColumns.iso(Instant.parse("0999-12-31T23:59:59Z"))).isEqualTo("0999-12-31T23:59:59Z");
    }
}
