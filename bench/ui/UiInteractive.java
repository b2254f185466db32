import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the overview and a province view take to become interactive in headless Chromium, against a running
 * server. See bench/ui/README.md for what "interactive" means here.
 *
 * <pre>java -Dprofile=DIR UiInteractive BASE USER PASSWORD PROVINCE ITERATIONS WARMUP SAMPLES-FILE</pre>
 *
 * (-Dprofile: an empty folder for Chromium's profile; -Dchromium, -Dchromedriver: other binaries.)
 */
public class UiInteractive {

    /** What must hold on a view: elements with text, grids with rows, charts drawn. */
    record View(String name, String path, List<String> texts, List<String> grids, List<String> charts) {
    }

    /**
     * Installed in every new document before the page's own scripts (CDP Page.addScriptToEvaluateOnNewDocument):
     * from the document's start, checks every 10 ms whether the view is interactive and keeps the first moment it
     * is, as milliseconds since the navigation started (performance.now()). $SPEC is the view's JSON.
     */
    private static final String PROBE = """
            (() => {
              const spec = $SPEC;
              const filled = el => el.textContent.trim().length > 0;
              const texts = () => spec.texts.every(sel => {
                const found = document.querySelectorAll(sel);
                return found.length > 0 && [...found].every(filled);
              });
              const grids = () => spec.grids.every(id => {
                const grid = document.getElementById(id);
                if (!grid || grid.loading || !((grid.size || grid._flatSize) > 0) || !grid.shadowRoot) return false;
                return [...grid.shadowRoot.querySelectorAll('#items > tr')].some(tr => !tr.hidden
                    && !tr.hasAttribute('loading') && [...tr.querySelectorAll('td')].some(td => {
                      const slot = td.querySelector('slot');
                      const content = td._content || (slot && slot.assignedElements()[0]);
                      return content && filled(content);
                    }));
              });
              const charts = () => spec.charts.every(id => {
                const el = document.getElementById(id);
                const chart = el && el.chart;
                if (!chart || chart.isDisposed() || !chart.getOption()) return false;
                const canvas = el.shadowRoot && el.shadowRoot.querySelector('canvas');
                return !!canvas && canvas.width > 0 && canvas.height > 0;
              });
              const idle = () => {
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients || Object.keys(clients).length === 0) return false;
                return Object.values(clients).every(c => typeof c.isActive === 'function' && !c.isActive());
              };
              const timer = setInterval(() => {
                if (window.__iocInteractiveAt === undefined && texts() && grids() && charts() && idle()) {
                  window.__iocInteractiveAt = performance.now();
                  clearInterval(timer);
                }
              }, 10);
            })();
            """;

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: UiInteractive BASE USER PASSWORD PROVINCE ITERATIONS WARMUP SAMPLES");
        }
        String base = args[0].replaceAll("/+$", "");
        String province = args[3];
        int iterations = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        Path samples = Path.of(args[6]);
        List<View> views = List.of(
                new View("overview", "/", List.of("#province-tiles .province-tile", "#status-counts .kpi-value"),
                        List.of("province-table"), List.of("national-gauge", "province-chart")),
                new View("province", "/province/" + province,
                        List.of("#province-name", "#province-kpis .kpi-tile .kpi-value"),
                        List.of("commune-table"), List.of("trend-chart", "outage-timeline")));

        ChromeDriver driver = chromium();
        try {
            logIn(driver, base, args[1], args[2]);
            Map<View, List<Double>> timings = new LinkedHashMap<>();
            views.forEach(view -> timings.put(view, new ArrayList<>()));
            StringBuilder lines = new StringBuilder("view,iteration,ms\n");
            for (int i = -warmup; i < iterations; i++) {
                for (View view : views) {
                    double ms = measure(driver, base, view);
                    if (i >= 0) {
                        timings.get(view).add(ms);
                        lines.append(view.name()).append(',').append(i + 1).append(',')
                                .append(String.format("%.0f", ms)).append('\n');
                    }
                    System.err.printf("%s %s %s: %.0f ms%n", i < 0 ? "warm-up" : "run " + (i + 1), view.name(),
                            view.path(), ms);
                }
            }
            Files.writeString(samples, lines);
            System.out.printf("%-9s %-18s %5s %8s %8s %8s %8s%n", "view", "path", "n", "p50 ms", "p95 ms", "min",
                    "max");
            timings.forEach((view, ms) -> {
                List<Double> sorted = new ArrayList<>(ms);
                Collections.sort(sorted);
                System.out.printf("%-9s %-18s %5d %8.0f %8.0f %8.0f %8.0f%n", view.name(), view.path(), sorted.size(),
                        percentile(sorted, 50), percentile(sorted, 95), sorted.getFirst(), sorted.getLast());
            });
        } finally {
            driver.quit();
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double measure(ChromeDriver driver, String base, View view) {
        String spec = "{\"texts\":" + json(view.texts()) + ",\"grids\":" + json(view.grids()) + ",\"charts\":"
                + json(view.charts()) + "}";
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", PROBE.replace("$SPEC", spec)));
        try {
            driver.get(base + view.path());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(100));
            wait.withMessage(() -> view.name() + " (" + view.path() + ") not interactive within 120 s; at "
                    + driver.getCurrentUrl());
            Object at = wait.until(d -> driver.executeScript("return window.__iocInteractiveAt"));
            if (!URI.create(driver.getCurrentUrl()).getPath().equals(view.path())) {
                throw new IllegalStateException(view.path() + " ended at " + driver.getCurrentUrl());
            }
            return ((Number) at).doubleValue();
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", added.get("identifier")));
        }
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static void logIn(WebDriver driver, String base, String user, String password) {
        driver.get(base + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        try {
            // Spring Security sends a refused log-in back to /login?error
            wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/")
                    || String.valueOf(URI.create(d.getCurrentUrl()).getQuery()).contains("error"));
        } catch (TimeoutException e) {
            throw new IllegalStateException("logging in as " + user + " at " + base + " did not finish (still at "
                    + driver.getCurrentUrl() + ")", e);
        }
        if (!URI.create(driver.getCurrentUrl()).getPath().equals("/")) {
            throw new IllegalStateException("logging in as " + user + " at " + base + " was refused ("
                    + driver.getCurrentUrl() + "): user name or password wrong");
        }
    }

    // As the project's browser tests (BrowserSupport): Debian's chromium and chromedriver, given explicitly so that
    // Selenium Manager downloads nothing.
    private static ChromeDriver chromium() {
        String profile = System.getProperty("profile");
        if (profile == null) {
            throw new IllegalArgumentException("-Dprofile=<an empty folder for Chromium's profile> is missing");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1600,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return driver;
    }
}
