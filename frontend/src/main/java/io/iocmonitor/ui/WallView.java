package io.iocmonitor.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;

/**
 * Wall mode (SPEC §7): full screen, no navigation, the chosen views in turn, e.g.
 * {@code /wall?views=overview,province/01,compare&seconds=30&token=…}. Unattended: the views refresh themselves,
 * and a watchdog in the page reloads it when the server has not been heard for a while but answers its health
 * check again (a restart, a lost session), so the wall comes back by itself; with {@link WallAccess}'s token the
 * reloaded page signs itself in.
 */
@Route(value = "wall", autoLayout = false)
@PageTitle("IOC Monitor")
@AnonymousAllowed
public class WallView extends Div implements BeforeEnterObserver {

    static final int DEFAULT_SECONDS = 30;
    static final int MIN_SECONDS = 5;
    private static final int BEAT_MS = 5_000;
    /** Without a server round trip for this long the watchdog starts asking the health endpoint. */
    private static final int STALE_MS = 20_000;

    // The page's watchdog: the server beats on every poll; when the beats stop and the health endpoint answers
    // again, reload (the Vaadin reconnect dialog cannot recover a UI whose server-side state is gone).
    private static final String WATCHDOG = """
            window.__iocWallBeat = Date.now();
            window.__iocWallLoadedAt = window.__iocWallLoadedAt || Date.now();
            if (!window.__iocWallWatchdog) {
              window.__iocWallWatchdog = setInterval(async () => {
                if (Date.now() - window.__iocWallBeat < $0) return;
                try {
                  const health = await fetch(new URL('actuator/health', document.baseURI), {cache: 'no-store'});
                  if (health.ok) location.reload();
                } catch (e) { /* still down: try again */ }
              }, 5000);
            }""";

    private final WallAccess access;
    private final AutowireCapableBeanFactory beans;
    private final Clock clock;
    private final Div content = new Div();
    private final List<String> views = new ArrayList<>();
    private Duration dwell = Duration.ofSeconds(DEFAULT_SECONDS);
    private int current = -1;
    private Instant shownAt = Instant.EPOCH;
    private Registration poll;

    WallView(WallAccess access, AutowireCapableBeanFactory beans, Clock clock) {
        this.access = access;
        this.beans = beans;
        this.clock = clock;
        setSizeFull();
        addClassName("wall");
        content.setId("wall-content");
        content.setSizeFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        if (!signedIn() && !query.getSingleParameter("token").map(access::signIn).orElse(false)) {
            event.forwardTo(LoginView.class);
            return;
        }
        views.clear();
        for (String view : query.getSingleParameter("views").orElse("overview").split(",")) {
            if (!view.isBlank()) {
                views.add(view.strip());
            }
        }
        int seconds = query.getSingleParameter("seconds").map(WallView::parseSeconds).orElse(DEFAULT_SECONDS);
        dwell = Duration.ofSeconds(Math.max(MIN_SECONDS, seconds));
        next();
    }

    private static int parseSeconds(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return DEFAULT_SECONDS;
        }
    }

    private static boolean signedIn() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
    }

    private void next() {
        current = (current + 1) % views.size();
        String view = views.get(current);
        content.removeAll();
        content.getElement().setAttribute("data-view", view);
        content.add(create(view));
        shownAt = clock.instant();
        getUI().ifPresent(this::keepPolling);
    }

    /** {@code overview}, {@code compare} or {@code province/<code>}; anything else shows the overview. */
    private Component create(String view) {
        if (view.startsWith("province/")) {
            ProvinceView province = beans.createBean(ProvinceView.class);
            province.show(view.substring("province/".length()));
            return province;
        }
        if (view.equals("compare")) {
            return beans.createBean(ComparisonView.class);
        }
        return beans.createBean(OverviewView.class);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        keepPolling(ui);
        ui.getPage().executeJs(WATCHDOG, STALE_MS);
        poll = ui.addPollListener(e -> {
            ui.getPage().executeJs("window.__iocWallBeat = Date.now()");
            if (!clock.instant().isBefore(shownAt.plus(dwell))) {
                next();
            }
        });
    }

    // The views set a poll interval of their own when attached (and clear it when detached): the wall's wins.
    private void keepPolling(UI ui) {
        ui.beforeClientResponse(this, context -> ui.setPollInterval(BEAT_MS));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}
