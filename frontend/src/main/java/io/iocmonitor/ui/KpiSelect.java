package io.iocmonitor.ui;

import com.vaadin.flow.component.select.Select;

import io.iocmonitor.kpi.Kpi;

/** A chooser of one of the dossier rates, the full-process online rate first. */
class KpiSelect extends Select<Kpi> {

    KpiSelect(String id, String labelKey) {
        setId(id);
        setLabel(getTranslation(labelKey));
        setItems(DossierRates.ALL);
        setItemLabelGenerator(k -> getTranslation(DossierRates.translationKey(k)));
        setValue(Kpi.FULL_PROCESS_ONLINE_RATE);
    }
}
