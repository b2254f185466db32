package io.iocmonitor.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;

/**
 * Switches the UI between Vietnamese (the default) and English. The choice is kept in the session, where
 * {@link VietnameseByDefault} reads it for every new page, and the page is reloaded so every label, number and date
 * is drawn again in the new locale.
 */
class LanguageSwitch extends Button {

    static final Locale ENGLISH = Locale.of("en", "GB");

    LanguageSwitch() {
        boolean vietnamese = "vi".equals(getLocale().getLanguage());
        setText(vietnamese ? "English" : "Tiếng Việt");
        setId("language-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getElement().setAttribute("lang", vietnamese ? "en" : "vi");
        addClickListener(e -> {
            VaadinSession.getCurrent().setAttribute(Locale.class.getName(),
                    vietnamese ? ENGLISH : VietnameseByDefault.VIETNAMESE);
            e.getSource().getUI().ifPresent(ui -> ui.getPage().reload());
        });
    }
}
