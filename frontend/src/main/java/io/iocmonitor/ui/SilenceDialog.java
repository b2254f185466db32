package io.iocmonitor.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

import io.iocmonitor.alerting.AlertActor;
import io.iocmonitor.alerting.AlertService;
import io.iocmonitor.reference.Province;

/** The silence form in a dialog: from an alert (its rule and province filled in) or for planned maintenance. */
final class SilenceDialog {

    private SilenceDialog() {
    }

    static void open(AlertService alerts, AlertActor actor, List<Province> provinces, Map<String, String> preset,
            Runnable saved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("alerts.silence"));
        dialog.setWidth("44em");
        SilenceForm form = new SilenceForm(alerts, actor, provinces, preset);
        Button save = new Button(dialog.getTranslation("alerts.silence"), e -> {
            if (form.save()) {
                dialog.close();
                saved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("silence-save");
        Button cancel = new Button(dialog.getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
