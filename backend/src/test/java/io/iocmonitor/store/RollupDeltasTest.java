package io.iocmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.iocmonitor.kpi.RollupCounts;
import io.iocmonitor.store.RollupDeltas.Key;
import io.iocmonitor.store.RollupDeltas.Table;
import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.Payment;

class RollupDeltasTest {

    private static final RollupCounts.Dossier NONE = new RollupCounts.Dossier(null, null, null, null, null, null,
            null, null, null, null, null);

    // 23:30 on 31 August in ICT, 16:30 UTC
    private static final Instant AUGUST_31 = Instant.parse("2026-08-31T16:30:00Z");
    // 00:30 on 1 September in ICT, 17:30 UTC the day before
    private static final Instant SEPTEMBER_1 = Instant.parse("2026-08-31T17:30:00Z");

    private static RollupCounts.Dossier received(String commune, Instant ts, Channel channel) {
        return new RollupCounts.Dossier(commune, "1.004227", ts, channel, true, ts.plusSeconds(86_400), true,
                Payment.ONLINE, null, null, null);
    }

    @Test
    void aNewDossierAddsToItsDayAndMonthInEveryGrain() {
        RollupDeltas deltas = new RollupDeltas();
        deltas.changed("14", NONE, received("14001", SEPTEMBER_1, Channel.ONLINE));
        LocalDate day = LocalDate.of(2026, 9, 1);
        assertThat(deltas.of(Table.DAY_COMMUNE)).containsOnlyKeys(new Key("14", day, "14001"));
        assertThat(deltas.of(Table.DAY_PROCEDURE)).containsOnlyKeys(new Key("14", day, "1.004227"));
        assertThat(deltas.of(Table.DAY_PROVINCE)).containsOnlyKeys(new Key("14", day, ""));
        assertThat(deltas.of(Table.MONTH_COMMUNE)).containsOnlyKeys(new Key("14", day, "14001"));
        assertThat(deltas.of(Table.MONTH_PROVINCE).get(new Key("14", day, "")))
                .containsExactly(1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void anEarlierReceivedMovesTheDossierToItsDayMonthAndCommune() {
        RollupDeltas deltas = new RollupDeltas();
        deltas.changed("14", received("14001", SEPTEMBER_1, Channel.ONLINE), received("14002", AUGUST_31,
                Channel.OFFLINE));
        Map<Key, long[]> communes = deltas.of(Table.DAY_COMMUNE);
        assertThat(communes.get(new Key("14", LocalDate.of(2026, 9, 1), "14001")))
                .containsExactly(-1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0);
        assertThat(communes.get(new Key("14", LocalDate.of(2026, 8, 31), "14002")))
                .containsExactly(1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        assertThat(deltas.of(Table.MONTH_PROVINCE)).containsOnlyKeys(new Key("14", LocalDate.of(2026, 9, 1), ""),
                new Key("14", LocalDate.of(2026, 8, 1), ""));
        // the procedure is the same: its September day loses what its August day gains
        assertThat(deltas.of(Table.DAY_PROCEDURE)).hasSize(2);
    }

    @Test
    void aChangeThatCountsTheSameChangesNoRow() {
        RollupDeltas deltas = new RollupDeltas();
        RollupCounts.Dossier before = received("14001", SEPTEMBER_1, Channel.ONLINE);
        // an earlier received on the same day with the same attributes
        deltas.changed("14", before, received("14001", SEPTEMBER_1.minusSeconds(60), Channel.ONLINE));
        for (Table table : Table.values()) {
            assertThat(deltas.of(table)).as(table.name()).isEmpty();
        }
    }

    @Test
    void rowsComeInKeyOrderSoThatWritersLockThemAlike() {
        RollupDeltas deltas = new RollupDeltas();
        deltas.changed("15", NONE, received("15001", AUGUST_31, Channel.ONLINE));
        deltas.changed("14", NONE, received("14002", SEPTEMBER_1, Channel.ONLINE));
        deltas.changed("14", NONE, received("14001", SEPTEMBER_1, Channel.ONLINE));
        deltas.changed("14", NONE, received("14003", AUGUST_31, Channel.ONLINE));
        assertThat(deltas.of(Table.DAY_COMMUNE).keySet()).extracting(Key::key)
                .containsExactly("14003", "14001", "14002", "15001");
    }
}
