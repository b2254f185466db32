package io.iocmonitor.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;

import io.iocmonitor.kpi.Trajectory;

/**
 * The path to the full-process online target (SPEC §5) as a tile: whether the pace of the last month is enough,
 * the last 30 days' value, and the monthly gain still needed by the target date.
 */
final class TrajectoryTiles {

    private TrajectoryTiles() {
    }

    /** @param view the component whose translations the tile uses, in {@code locale} */
    static KpiTile of(Component view, Locale locale, Trajectory trajectory) {
        RateFormat format = new RateFormat(locale);
        TimeFormat time = new TimeFormat(locale);
        String needed = trajectory.monthlyGainNeeded() == null ? "–" : format.points(trajectory.monthlyGainNeeded());
        String recent = trajectory.recentMonthlyGain() == null ? "–" : format.points(trajectory.recentMonthlyGain());
        return new KpiTile("trajectory",
                view.getTranslation("trajectory.title", format.percent(trajectory.target()),
                        time.date(trajectory.dueDate())),
                view.getTranslation("trajectory.status." + trajectory.status().name().toLowerCase(Locale.ROOT)),
                view.getTranslation("trajectory.detail", format.rate(trajectory.current()), needed, recent),
                switch (trajectory.status()) {
                    case REACHED, ON_TRACK -> "reached";
                    case BEHIND, MISSED -> "below";
                    case INSUFFICIENT_DATA -> "insufficient";
                });
    }
}
