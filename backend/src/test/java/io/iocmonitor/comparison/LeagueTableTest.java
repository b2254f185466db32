package io.iocmonitor.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.iocmonitor.comparison.LeagueTable.Entry;
import io.iocmonitor.comparison.LeagueTable.Standing;
import io.iocmonitor.kpi.Rate;

class LeagueTableTest {

    private static final int MIN = 20;

    private static Rate rate(long numerator, long denominator) {
        return Rate.of(numerator, denominator, MIN);
    }

    @Test
    void highestRateRanksFirstAndTiesShareARank() {
        List<Standing> table = LeagueTable.of(List.of(
                new Entry("01", rate(40, 100), null),
                new Entry("79", rate(60, 100), null),
                new Entry("31", rate(20, 50), null),
                new Entry("48", rate(30, 100), null)));
        assertThat(table).extracting(Standing::key).containsExactly("79", "01", "31", "48");
        assertThat(table).extracting(Standing::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void insufficientDataIsNeverRankedNorBestNorWorst() {
        List<Standing> table = LeagueTable.of(List.of(
                new Entry("01", rate(10, 100), null),
                new Entry("02", rate(19, 19), null), // 100 % but below the minimum sample
                new Entry("04", rate(0, 5), null), // 0 % but below the minimum sample
                new Entry("08", rate(0, 0), null),
                new Entry("79", rate(50, 100), null)));
        assertThat(table).extracting(Standing::key).containsExactly("79", "01", "02", "04", "08");
        assertThat(table).extracting(Standing::rank).containsExactly(1, 2, null, null, null);
        assertThat(table.get(2).ranked()).isFalse();
        assertThat(table.get(2).outlier()).isEqualTo(Outliers.Position.NORMAL);
    }

    @Test
    void rankChangeCountsPlacesGainedSinceThePreviousPeriod() {
        List<Standing> table = LeagueTable.of(List.of(
                new Entry("01", rate(70, 100), rate(30, 100)),
                new Entry("79", rate(60, 100), rate(50, 100)),
                new Entry("31", rate(50, 100), rate(40, 100)),
                new Entry("48", rate(40, 100), rate(5, 10))));
        assertThat(table).extracting(Standing::key).containsExactly("01", "79", "31", "48");
        assertThat(table).extracting(Standing::previousRank).containsExactly(3, 1, 2, null);
        assertThat(table).extracting(Standing::rankChange).containsExactly(2, -1, -1, null);
    }

    @Test
    void outliersAreFoundAmongTheRankedOnly() {
        List<Standing> table = LeagueTable.of(List.of(
                new Entry("a", rate(40, 100), null), new Entry("b", rate(42, 100), null),
                new Entry("c", rate(43, 100), null), new Entry("d", rate(44, 100), null),
                new Entry("e", rate(45, 100), null), new Entry("f", rate(95, 100), null),
                new Entry("g", rate(0, 10), null)));
        assertThat(table.getFirst().key()).isEqualTo("f");
        assertThat(table.getFirst().outlier()).isEqualTo(Outliers.Position.HIGH);
        assertThat(table).filteredOn(s -> s.outlier() != Outliers.Position.NORMAL).hasSize(1);
    }
}
