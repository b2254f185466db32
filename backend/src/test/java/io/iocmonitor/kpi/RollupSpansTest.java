package io.iocmonitor.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iocmonitor.kpi.RollupSpans.Range;

class RollupSpansTest {

    private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void aYearOfWholeMonthsReadsOnlyMonths() {
        RollupSpans spans = RollupSpans.of(GroupBy.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 1));
        assertThat(spans.days()).isEmpty();
        assertThat(spans.months()).isEqualTo(new Range(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 1)));
    }

    @Test
    void partialMonthsAtBothEndsReadDays() {
        RollupSpans spans = RollupSpans.of(null, LocalDate.of(2026, 8, 20), LocalDate.of(2026, 10, 3));
        assertThat(spans.days()).containsExactly(new Range(LocalDate.of(2026, 8, 20), SEP_1),
                new Range(OCT_1, LocalDate.of(2026, 10, 3)));
        assertThat(spans.months()).isEqualTo(new Range(SEP_1, OCT_1));
    }

    @Test
    void aPeriodWithinOneMonthReadsDays() {
        RollupSpans spans = RollupSpans.of(GroupBy.QUARTER, LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 30));
        assertThat(spans.days()).containsExactly(new Range(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 30)));
        assertThat(spans.months()).isNull();
    }

    @Test
    void aPeriodEndingOnTheFirstOfAMonthHasNoTail() {
        RollupSpans spans = RollupSpans.of(null, LocalDate.of(2026, 8, 31), OCT_1);
        assertThat(spans.days()).containsExactly(new Range(LocalDate.of(2026, 8, 31), SEP_1));
        assertThat(spans.months()).isEqualTo(new Range(SEP_1, OCT_1));
    }

    @Test
    void daysAndWeeksCutThroughMonthsSoReadDaysThroughout() {
        for (GroupBy calendar : List.of(GroupBy.DAY, GroupBy.WEEK)) {
            RollupSpans spans = RollupSpans.of(calendar, SEP_1, LocalDate.of(2026, 12, 1));
            assertThat(spans.days()).containsExactly(new Range(SEP_1, LocalDate.of(2026, 12, 1)));
            assertThat(spans.months()).isNull();
        }
    }

    @Test
    void theLastThirtyDaysAreLastMonthsDaysThisMonthAndMinusThisMonthsDaysToCome() {
        RollupSpans spans = RollupSpans.subtracting(null, LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 29));
        assertThat(spans.days()).containsExactly(new Range(LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 1)));
        assertThat(spans.months()).isEqualTo(new Range(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertThat(spans.minusDays())
                .containsExactly(new Range(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 1)));
    }

    @Test
    void mostOfOneMonthIsTheMonthMinusItsEdges() {
        RollupSpans spans = RollupSpans.subtracting(GroupBy.MONTH, LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 30));
        assertThat(spans.days()).isEmpty();
        assertThat(spans.months()).isEqualTo(new Range(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
        assertThat(spans.minusDays()).containsExactly(new Range(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3)),
                new Range(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 1)));
    }

    @Test
    void aFewDaysOfAMonthAreReadAsDays() {
        RollupSpans spans = RollupSpans.subtracting(null, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 10));
        assertThat(spans.days()).containsExactly(new Range(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 10)));
        assertThat(spans.months()).isNull();
        assertThat(spans.minusDays()).isEmpty();
    }

    @Test
    void withoutSubtractingNothingIsTakenAway() {
        RollupSpans spans = RollupSpans.of(null, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 11, 29));
        assertThat(spans.days()).containsExactly(new Range(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 11, 1)),
                new Range(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 29)));
        assertThat(spans.months()).isNull();
        assertThat(spans.minusDays()).isEmpty();
    }
}
