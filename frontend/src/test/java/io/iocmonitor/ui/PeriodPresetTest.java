package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodPresetTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void thePreviousOfAMonthIsTheMonthBeforeWhateverItsLength() {
        PeriodPreset.Range march = PeriodPreset.THIS_MONTH.range(TODAY);
        assertThat(march.previous()).isEqualTo(new PeriodPreset.Range(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1)));
    }

    @Test
    void thePreviousOfAQuarterIsTheQuarterBefore() {
        assertThat(PeriodPreset.THIS_QUARTER.range(TODAY).previous()).isEqualTo(new PeriodPreset.Range(
                LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void thePreviousOfDaysIsAsManyDaysBefore() {
        PeriodPreset.Range last30 = PeriodPreset.LAST_30_DAYS.range(TODAY);
        assertThat(last30).isEqualTo(new PeriodPreset.Range(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1)));
        assertThat(last30.previous()).isEqualTo(new PeriodPreset.Range(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 3, 2)));
        assertThat(PeriodPreset.THIS_WEEK.range(TODAY).previous().from()).isEqualTo(LocalDate.of(2026, 3, 23));
    }
}
