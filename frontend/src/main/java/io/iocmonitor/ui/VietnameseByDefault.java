package io.iocmonitor.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** SPEC §2: the UI speaks Vietnamese unless the user asks for English, whatever the browser's language. */
@Component
class VietnameseByDefault implements VaadinServiceInitListener {

    static final Locale VIETNAMESE = Locale.of("vi", "VN");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            Object chosen = ui.getSession().getAttribute(Locale.class.getName());
            ui.setLocale(chosen instanceof Locale locale ? locale : VIETNAMESE);
        });
    }
}
