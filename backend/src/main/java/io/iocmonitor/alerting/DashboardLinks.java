package io.iocmonitor.alerting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Paths of the dashboard views that draw an alert's figure, with the place and the period already chosen. The views
 * read these parameters ({@code frontend/…/ui}); {@code EvidenceLinksRouteTest} there checks that they still do.
 */
public final class DashboardLinks {

    /** The query parameter naming the period preset, e.g. {@code period=last-30-days}. */
    public static final String PERIOD = "period";
    /** The query parameter naming the part of the province view to bring into sight, e.g. {@code show=outages}. */
    public static final String SHOW = "show";
    public static final String DEAD_LETTERS = "/dead-letters";

    private DashboardLinks() {
    }

    /** The views' period presets that evidence uses: the dashboard offers presets, not arbitrary dates. */
    public enum Period {
        TODAY, LAST_30_DAYS, THIS_YEAR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The shortest of these that holds a signal's days {@code [from, to)}, to = tomorrow. */
        static Period covering(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to);
            return days <= 1 ? TODAY : days <= 31 ? LAST_30_DAYS : THIS_YEAR;
        }
    }

    /** The parts of the province view an alert can point at; each names the chart or table the view scrolls to. */
    public enum Section {
        KPIS, HEALTH, SYNC, OUTAGES, SLA;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Section> fromWire(String name) {
            return java.util.Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
        }
    }

    static String overview(Period period) {
        return "/?" + PERIOD + "=" + period.wireName();
    }

    static String province(String code, Period period, Section section) {
        return "/province/" + code + "?" + PERIOD + "=" + period.wireName() + "&" + SHOW + "=" + section.wireName();
    }

    static String commune(String code, Period period) {
        return "/commune/" + code + "?" + PERIOD + "=" + period.wireName();
    }

    /**
     * The commune's view for a commune's figure, else the province's part, else (no province: a national figure)
     * the overview.
     */
    static String place(String province, String commune, Period period, Section section) {
        return !commune.isEmpty() ? commune(commune, period)
                : province.isEmpty() ? overview(period) : province(province, period, section);
    }
}
