package io.iocmonitor.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.iocmonitor.kpi.Rate;

/**
 * Ranks localities by a rate where higher is better (every dossier rate of SPEC §5 is). Only comparable rates
 * ({@link Rate#isComparable()}: a value and a large enough sample) take part: the others are listed after the
 * ranked ones without a rank, never best nor worst, and never outliers. Equal values share a rank and the next
 * rank skips ("1, 2, 2, 4"), so a rank tells how many did better.
 */
public final class LeagueTable {

    /** A locality and its rate in the current and the previous period. */
    public record Entry(String key, Rate rate, @Nullable Rate previous) {
    }

    /**
     * One line of the table.
     *
     * @param rank         1 for the best; {@code null} without a comparable rate
     * @param previousRank the rank among the previous period's comparable rates, or {@code null}
     * @param rankChange   places gained since the previous period (positive = moved up), or {@code null}
     */
    public record Standing(String key, Rate rate, @Nullable Integer rank, @Nullable Integer previousRank,
            @Nullable Integer rankChange, Outliers.Position outlier) {

        public boolean ranked() {
            return rank != null;
        }
    }

    private LeagueTable() {
    }

    /** The entries in table order: ranked ones best first, then the unranked by key. */
    public static List<Standing> of(List<Entry> entries) {
        Map<String, Integer> ranks = ranks(entries, Entry::rate);
        Map<String, Integer> previousRanks = ranks(entries, Entry::previous);
        Outliers.Fences fences = Outliers.fences(entries.stream().map(Entry::rate).filter(Rate::isComparable)
                .map(Rate::value).toList());
        List<Standing> table = new ArrayList<>();
        for (Entry entry : entries) {
            Integer rank = ranks.get(entry.key());
            Integer previous = previousRanks.get(entry.key());
            Integer change = rank != null && previous != null ? previous - rank : null;
            Outliers.Position outlier = rank != null ? fences.position(entry.rate().value()) : Outliers.Position.NORMAL;
            table.add(new Standing(entry.key(), entry.rate(), rank, previous, change, outlier));
        }
        table.sort(Comparator.comparing((Standing s) -> s.rank() == null ? Integer.MAX_VALUE : s.rank())
                .thenComparing(Standing::key));
        return table;
    }

    private static Map<String, Integer> ranks(List<Entry> entries,
            java.util.function.Function<Entry, @Nullable Rate> rateOf) {
        List<Entry> comparable = new ArrayList<>();
        for (Entry entry : entries) {
            Rate rate = rateOf.apply(entry);
            if (rate != null && rate.isComparable()) {
                comparable.add(entry);
            }
        }
        comparable.sort(Comparator.comparing((Entry e) -> rateOf.apply(e).value()).reversed());
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < comparable.size(); i++) {
            double value = rateOf.apply(comparable.get(i)).value();
            boolean tie = i > 0 && rateOf.apply(comparable.get(i - 1)).value() == value;
            ranks.put(comparable.get(i).key(), tie ? ranks.get(comparable.get(i - 1).key()) : i + 1);
        }
        return ranks;
    }
}
