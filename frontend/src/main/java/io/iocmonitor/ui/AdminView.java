package io.iocmonitor.ui;

import java.io.IOException;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.reference.CommuneImports;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.Role;
import io.iocmonitor.security.UserAccounts;
import jakarta.annotation.security.RolesAllowed;

/**
 * Administration (ADMIN only): users and roles (create, change role and province, reset the password), and the
 * import of commune-level units from a CSV or spreadsheet with a report of refused rows, progress while it runs, and the history
 * of earlier imports (the versions they replaced are kept by {@link CommuneImports}).
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("IOC Monitor")
@RolesAllowed("ADMIN")
public class AdminView extends VerticalLayout {

    private final UserAccounts accounts;
    private final CommuneImports imports;
    private final String admin;
    private final Grid<UserAccounts.Account> users = new Grid<>();
    private final TextField username = new TextField();
    private final Select<Role> role = new Select<>();
    private final ProvinceSelect province;
    private final PasswordField password = new PasswordField();
    private final Span userMessage = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Div report = new Div();
    private final Grid<String> rejected = new Grid<>();
    private final Grid<CommuneImports.Past> history = new Grid<>();
    private final TimeFormat time;

    AdminView(UserAccounts accounts, CommuneImports imports, ReferenceData reference, TargetService targets,
            AuthenticationContext authentication) {
        this.accounts = accounts;
        this.imports = imports;
        this.admin = authentication.getPrincipalName().orElse("admin");
        this.time = new TimeFormat(getLocale());
        this.province = new ProvinceSelect("user-province", reference);
        setWidthFull();
        add(new H2(getTranslation("admin.title")), usersCard(), new TargetAdmin(targets, reference, admin),
                importCard());
        refreshUsers();
        refreshHistory();
    }

    private Div usersCard() {
        users.setId("user-table");
        users.addThemeVariants(GridVariant.LUMO_COMPACT);
        users.setHeight("320px");
        users.addColumn(UserAccounts.Account::username).setHeader(getTranslation("admin.username"));
        users.addColumn(a -> a.role().name()).setHeader(getTranslation("admin.role"));
        users.addColumn(a -> a.province() == null ? "–" : a.province()).setHeader(getTranslation("column.province"));
        users.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                username.setValue(e.getValue().username());
                role.setValue(e.getValue().role());
                province.setProvince(e.getValue().province());
                password.clear();
            }
        });
        username.setId("user-name");
        username.setLabel(getTranslation("admin.username"));
        role.setId("user-role");
        role.setLabel(getTranslation("admin.role"));
        role.setItems(Role.values());
        role.setValue(Role.LEADER);
        password.setId("user-password");
        password.setLabel(getTranslation("admin.password"));
        password.setHelperText(getTranslation("admin.password.help"));
        Button save = new Button(getTranslation("admin.save"), e -> saveUser());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        userMessage.setId("user-message");
        HorizontalLayout form = new HorizontalLayout(username, role, province, password, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        Div card = new Div(new H3(getTranslation("admin.users")), users, form, userMessage);
        card.addClassNames("card", "wide");
        return card;
    }

    private void saveUser() {
        String name = username.getValue().strip();
        String scope = province.province();
        try {
            if (name.isEmpty()) {
                throw new IllegalArgumentException(getTranslation("admin.username.empty"));
            }
            boolean exists = accounts.list().stream().anyMatch(a -> a.username().equals(name));
            if (!exists && password.getValue().isBlank()) {
                throw new IllegalArgumentException(getTranslation("admin.password.needed", name));
            }
            if (exists) {
                accounts.changeRole(name, role.getValue(), scope);
                if (!password.getValue().isBlank()) {
                    accounts.resetPassword(name, password.getValue());
                }
            } else {
                accounts.save(name, password.getValue(), role.getValue(), scope);
            }
            userMessage.setText(getTranslation("admin.saved", name));
            userMessage.setClassName("reached");
            password.clear();
            refreshUsers();
        } catch (IllegalArgumentException problem) {
            userMessage.setText(problem.getMessage());
            userMessage.setClassName("below");
        }
    }

    private Div importCard() {
        // the upload handler may run outside the session lock: everything it touches goes through ui.access
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) ->
                ui.access(() -> startImport(ui, metadata.fileName(), data))));
        upload.setId("commune-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv", ".xlsx", ".xls");
        progress.setId("import-progress");
        progress.setVisible(false);
        report.setId("import-report");
        rejected.setId("import-rejected");
        rejected.addColumn(line -> line).setHeader(getTranslation("admin.import.rejected"));
        rejected.addThemeVariants(GridVariant.LUMO_COMPACT);
        rejected.setHeight("200px");
        rejected.setVisible(false);
        history.setId("import-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(p -> time.dateTime(p.importedAt())).setHeader(getTranslation("admin.import.when"));
        history.addColumn(CommuneImports.Past::importedBy).setHeader(getTranslation("admin.username"));
        history.addColumn(CommuneImports.Past::source).setHeader(getTranslation("admin.import.file"));
        history.addColumn(CommuneImports.Past::accepted).setHeader(getTranslation("admin.import.accepted"));
        history.addColumn(CommuneImports.Past::added).setHeader(getTranslation("admin.import.added"));
        history.addColumn(CommuneImports.Past::changed).setHeader(getTranslation("admin.import.changed"));
        history.addColumn(CommuneImports.Past::rejected).setHeader(getTranslation("admin.import.rejected-count"));
        Div card = new Div(new H3(getTranslation("admin.import")), new Span(getTranslation("admin.import.layout")),
                upload, progress, report, rejected, new H3(getTranslation("admin.import.history")), history);
        card.addClassNames("card", "wide");
        return card;
    }

    // The import runs off the request thread; progress reaches the page through polling while it runs.
    private void startImport(UI ui, String fileName, byte[] data) {
        progress.setVisible(true);
        progress.setIndeterminate(true);
        report.setText(getTranslation("admin.import.running", fileName));
        ui.setPollInterval(500);
        Thread.ofVirtual().name("commune-import").start(() -> {
            try {
                CommuneImports.Report done = imports.importFile(fileName, data, admin, (written, of) ->
                        ui.access(() -> {
                            progress.setIndeterminate(false);
                            progress.setValue((double) written / of);
                        }));
                ui.access(() -> finished(getTranslation("admin.import.done", done.source(), done.accepted(),
                        done.added(), done.changed(), done.rejected().size()), done.rejected()));
            } catch (IOException | RuntimeException e) {
                ui.access(() -> finished(getTranslation("admin.import.failed", fileName, e.getMessage()), List.of()));
            }
        });
    }

    private void finished(String message, List<String> rejectedRows) {
        progress.setVisible(false);
        report.setText(message);
        rejected.setItems(rejectedRows);
        rejected.setVisible(!rejectedRows.isEmpty());
        refreshHistory();
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void refreshUsers() {
        users.setItems(accounts.list());
    }

    private void refreshHistory() {
        history.setItems(imports.history());
    }
}
