package io.iocmonitor.ui;

import java.time.Clock;
import java.time.LocalDate;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Location;

import io.iocmonitor.alerting.DashboardLinks;
import io.iocmonitor.base.Ict;

/** The period chooser every view has ({@code #period}): the presets of {@link PeriodPreset}, this month first. */
class PeriodSelect extends Select<PeriodPreset> {

    PeriodSelect() {
        setItems(PeriodPreset.values());
        setItemLabelGenerator(p -> getTranslation(p.translationKey()));
        setValue(PeriodPreset.THIS_MONTH);
        setLabel(getTranslation("overview.period"));
        setId("period");
    }

    /** Takes the period a link names ({@code ?period=last-30-days}), if it names a known one. */
    void takeFrom(Location location) {
        location.getQueryParameters().getSingleParameter(DashboardLinks.PERIOD).flatMap(PeriodPreset::fromWire)
                .ifPresent(this::setValue);
    }

    /** The chosen period as dates, relative to today in ICT. */
    PeriodPreset.Range range(Clock clock) {
        return getValue().range(LocalDate.now(clock.withZone(Ict.ZONE)));
    }
}
