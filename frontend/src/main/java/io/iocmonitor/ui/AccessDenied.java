package io.iocmonitor.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What a user sees who asks for a province or commune outside their scope (or one that does not exist: the two are
 * not told apart, so the message gives nothing away).
 */
class AccessDenied extends Div {

    AccessDenied(String what) {
        setId("access-denied");
        addClassNames("card", "wide");
        add(new H2(getTranslation("access-denied.title")), new Paragraph(getTranslation("access-denied.text", what)));
    }
}
