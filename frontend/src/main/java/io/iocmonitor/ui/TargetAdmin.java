package io.iocmonitor.ui;

import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;

import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;

/**
 * Targets per KPI, province and period (SPEC §5), for administrators: the targets set so far, a form to add one
 * (rates in per cent, the sync lag in seconds) and removal. The defaults of the configuration apply where none is
 * set; {@link TargetService} picks the most specific one for a place and day.
 */
class TargetAdmin extends Div {

    private final TargetService targets;
    private final String admin;
    private final Grid<Target> grid = new Grid<>();
    private final Select<Kpi> kpi = new Select<>();
    private final ProvinceSelect province;
    private final NumberField value = new NumberField();
    private final DatePicker validFrom = new DatePicker();
    private final DatePicker validTo = new DatePicker();
    private final DatePicker dueDate = new DatePicker();
    private final Span message = new Span();
    private final RateFormat format;

    TargetAdmin(TargetService targets, ReferenceData reference, String admin) {
        this.targets = targets;
        this.admin = admin;
        this.format = new RateFormat(getLocale());
        this.province = new ProvinceSelect("target-province", reference);
        addClassNames("card", "wide");
        TimeFormat time = new TimeFormat(getLocale());
        grid.setId("target-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(t -> getTranslation(DossierRates.translationKey(t.kpi()))).setHeader(getTranslation("league.kpi"))
                .setFlexGrow(2);
        grid.addColumn(t -> t.province() == null ? getTranslation("overview.national") : t.province())
                .setHeader(getTranslation("column.province"));
        grid.addColumn(this::valueText).setHeader(getTranslation("target.value"));
        grid.addColumn(t -> t.validFrom() == null ? "–" : time.date(t.validFrom())).setHeader(getTranslation("target.from"));
        grid.addColumn(t -> t.validTo() == null ? "–" : time.date(t.validTo())).setHeader(getTranslation("target.to"));
        grid.addColumn(t -> t.dueDate() == null ? "–" : time.date(t.dueDate())).setHeader(getTranslation("target.due"));
        grid.addComponentColumn(t -> new Button(getTranslation("target.delete"), e -> {
            targets.delete(t.id());
            refresh();
        })).setFlexGrow(0).setWidth("110px");

        kpi.setId("target-kpi");
        kpi.setLabel(getTranslation("league.kpi"));
        kpi.setItems(Kpi.values());
        kpi.setItemLabelGenerator(k -> getTranslation(DossierRates.translationKey(k)));
        kpi.setValue(Kpi.FULL_PROCESS_ONLINE_RATE);
        kpi.addValueChangeListener(e -> value.setSuffixComponent(new Span(unit(e.getValue()))));
        value.setId("target-value");
        value.setLabel(getTranslation("target.value"));
        value.setSuffixComponent(new Span(unit(Kpi.FULL_PROCESS_ONLINE_RATE)));
        for (DatePicker date : Arrays.asList(validFrom, validTo, dueDate)) {
            date.setLocale(getLocale());
        }
        validFrom.setLabel(getTranslation("target.from"));
        validTo.setLabel(getTranslation("target.to"));
        dueDate.setLabel(getTranslation("target.due"));
        Button save = new Button(getTranslation("admin.save"), e -> save());
        save.setId("target-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.setId("target-message");
        HorizontalLayout form = new HorizontalLayout(kpi, province, value, validFrom, validTo, dueDate, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H3(getTranslation("target.title")), grid, form, message);
        refresh();
    }

    private void save() {
        try {
            if (value.getValue() == null) {
                throw new IllegalArgumentException(getTranslation("target.value.empty"));
            }
            Kpi chosen = kpi.getValue();
            double entered = value.getValue();
            targets.set(new Target(null, chosen, province.province(), validFrom.getValue(), validTo.getValue(),
                    chosen.higherIsBetter() ? entered / 100 : entered, dueDate.getValue()), admin);
            message.setText(getTranslation("target.saved"));
            message.setClassName("reached");
            refresh();
        } catch (IllegalArgumentException problem) {
            message.setText(problem.getMessage());
            message.setClassName("below");
        }
    }

    private String valueText(Target target) {
        return target.kpi().higherIsBetter() ? format.percent(target.value())
                : format.count(Math.round(target.value())) + " s";
    }

    private static String unit(Kpi kpi) {
        return kpi.higherIsBetter() ? "%" : "s";
    }

    private void refresh() {
        grid.setItems(targets.setTargets(ProvinceScope.national()));
    }
}
