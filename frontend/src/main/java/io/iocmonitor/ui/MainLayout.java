package io.iocmonitor.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/** The frame around every view: the product's name, navigation, the user and log-out. */
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("current-user");
        Button logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, new LanguageSwitch(), user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.overview"), OverviewView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.alerts"), AlertsView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.compare"), ComparisonView.class));
        if (authentication.hasAnyRole("OPERATOR", "ADMIN", "INSPECTOR")) {
            nav.addItem(new SideNavItem(getTranslation("nav.dead-letters"), DeadLettersView.class));
        }
        if (authentication.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.admin"), AdminView.class));
        }
        addToDrawer(nav);
    }
}
