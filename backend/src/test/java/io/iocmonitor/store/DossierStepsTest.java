package io.iocmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iocmonitor.store.DossierRows.Steps;
import io.iocmonitor.telemetry.Channel;
import io.iocmonitor.telemetry.DossierEvent;
import io.iocmonitor.telemetry.Payment;

class DossierStepsTest {

    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

    private static DossierEvent received(String id, String province, String dossier, String commune, int minute) {
        return DossierEvent.received(id, T.plusSeconds(60L * minute), province, commune, dossier, "P1",
                Channel.ONLINE, true, T.plusSeconds(86_400), false, Payment.NONE);
    }

    private static DossierEvent completed(String id, String province, String dossier, int minute) {
        return DossierEvent.completed(id, T.plusSeconds(60L * minute), province, "c-completed", dossier, "P1", true,
                true);
    }

    @Test
    void eachDossierKeepsItsEarliestEventOfEveryStepInKeyOrder() {
        List<Steps> steps = DossierRows.stepsPerDossier(List.of(
                completed("c2", "79", "B", 30),
                received("r1", "79", "B", "c-late", 5),
                completed("c1", "79", "B", 20),
                received("r0", "79", "B", "c-early", 1),
                DossierEvent.cancelled("x1", T, "01", "c-cancel", "A", "P1"),
                received("r2", "01", "A", "c-a", 2)));

        assertThat(steps).extracting(Steps::province, Steps::dossierId).containsExactly(
                tuple("01", "A"), tuple("79", "B"));
        Steps b = steps.get(1);
        assertThat(b.received().id()).isEqualTo("r0");
        assertThat(b.completed().id()).isEqualTo("c1");
        assertThat(b.cancelled()).isNull();
        assertThat(b.commune()).as("the commune is the received's").isEqualTo("c-early");
        Steps a = steps.get(0);
        assertThat(a.received().id()).isEqualTo("r2");
        assertThat(a.cancelled().id()).isEqualTo("x1");
        assertThat(a.completed()).isNull();
    }

    @Test
    void aDossierWithoutItsReceivedTakesItsCommuneFromTheOtherSteps() {
        Steps only = DossierRows.stepsPerDossier(List.of(completed("c1", "79", "B", 20))).getFirst();

        assertThat(only.commune()).isEqualTo("c-completed");
        assertThat(only.received()).isNull();
    }
}
