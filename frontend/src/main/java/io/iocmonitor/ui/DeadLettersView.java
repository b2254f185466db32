package io.iocmonitor.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.iocmonitor.base.Ict;
import io.iocmonitor.ingest.DeadLetters;
import io.iocmonitor.security.Scopes;
import io.iocmonitor.telemetry.DeadLetter;
import jakarta.annotation.security.RolesAllowed;

/** The operators' view of what ingestion refused: newest first, the reason naming the field, the raw payload. */
@Route(value = "dead-letters", layout = MainLayout.class)
@PageTitle("IOC Monitor")
@RolesAllowed({"OPERATOR", "ADMIN", "INSPECTOR"})
public class DeadLettersView extends VerticalLayout {

    private static final int SHOWN = 500;

    private final DeadLetters deadLetters;
    private final Grid<DeadLetter> grid = new Grid<>();

    DeadLettersView(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        setSizeFull();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(Ict.ZONE);
        grid.setId("dead-letter-table");
        grid.addColumn(d -> time.format(d.receivedAt())).setHeader(getTranslation("dead-letters.received-at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeadLetter::topic).setHeader(getTranslation("dead-letters.topic")).setAutoWidth(true);
        grid.addColumn(DeadLetter::reason).setHeader(getTranslation("dead-letters.reason")).setFlexGrow(2);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(d -> {
            Pre payload = new Pre(d.payload());
            payload.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all").set("margin", "0");
            return payload;
        }));
        Button refresh = new Button(getTranslation("action.refresh"), e -> refresh());
        H2 title = new H2(getTranslation("dead-letters.title"));
        HorizontalLayout heading = new HorizontalLayout(title, refresh);
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.expand(title);
        add(heading, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(deadLetters.latest(SHOWN, Scopes.of(SecurityContextHolder.getContext().getAuthentication())));
    }
}
