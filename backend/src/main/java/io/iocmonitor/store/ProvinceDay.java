package io.iocmonitor.store;

import java.time.LocalDate;
import java.util.Comparator;

/** A province and an ICT day: the unit in which the open-dossier counts at a day's end are recomputed. */
record ProvinceDay(String province, LocalDate day) implements Comparable<ProvinceDay> {

    private static final Comparator<ProvinceDay> ORDER = Comparator.comparing(ProvinceDay::province)
            .thenComparing(ProvinceDay::day);

    @Override
    public int compareTo(ProvinceDay other) {
        return ORDER.compare(this, other);
    }
}
