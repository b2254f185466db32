package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.iocmonitor.kpi.Rate;

class TileColourTest {

    @Test
    void reachingTheTargetIsGreenAndFallingShortGoesTowardsRed() {
        assertThat(TileColour.of(Rate.of(80, 100, 20), 0.8)).isEqualTo("#2e7d32");
        assertThat(TileColour.of(Rate.of(79, 100, 20), 0.8)).isEqualTo("#7cb342");
        assertThat(TileColour.of(Rate.of(40, 100, 20), 0.8)).isEqualTo("#f9a825");
        assertThat(TileColour.of(Rate.of(39, 100, 20), 0.8)).isEqualTo("#ef6c00");
        assertThat(TileColour.of(Rate.of(10, 100, 20), 0.8)).isEqualTo("#c62828");
        assertThat(TileColour.of(Rate.of(0, 100, 20), 0.8)).isEqualTo("#c62828");
    }

    @Test
    void insufficientDataIsGreyNeverRedNorGreen() {
        assertThat(TileColour.of(Rate.of(19, 19, 20), 0.8)).isEqualTo(TileColour.INSUFFICIENT);
        assertThat(TileColour.of(Rate.of(0, 5, 20), 0.8)).isEqualTo(TileColour.INSUFFICIENT);
        assertThat(TileColour.of(Rate.of(0, 0, 20), 0.8)).isEqualTo(TileColour.INSUFFICIENT);
    }
}
