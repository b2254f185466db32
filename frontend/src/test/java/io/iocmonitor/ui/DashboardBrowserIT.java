package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged demo application in headless Chromium: log-in and the national dashboard.
 *
 * <p>Contract with the views: the log-in view at {@code /login} uses {@code vaadin-login-form};
 * the dashboard at {@code /} has a {@code vaadin-grid#province-table} with one row per province
 * the user may see (the province name, e.g. "Thành phố Hà Nội", and KPI figures in the cells) and
 * the charts {@code ioc-echart#national-gauge} and {@code ioc-echart#province-chart}.
 */
@EnabledIf(value = BrowserSupport.CHROMIUM_INSTALLED, disabledReason = BrowserSupport.NO_CHROMIUM)
class DashboardBrowserIT {

    private static final String HA_NOI = "Thành phố Hà Nội";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PackagedApp app;
    private WebDriver driver;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = BrowserSupport.screenshotOnFailure(() -> driver);

    @BeforeAll
    static void startApplication() throws Exception {
        app = PackagedApp.start();
    }

    @AfterAll
    static void stopApplication() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        driver = BrowserSupport.startChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void inspectorSeesAllProvincesAndCharts() {
        logIn("inspector", "demo");

        GridContent table = awaitGrid("the 34 provinces with Hà Nội's figures", grid -> grid.size() == 34
                && grid.rows().size() == 34 && grid.hasRowWithFigures(HA_NOI));
        assertThat(table.rowContaining(HA_NOI)).isNotNull();

        for (String chart : List.of("national-gauge", "province-chart")) {
            wait("chart ioc-echart#" + chart + " to render a canvas or svg",
                    d -> Boolean.TRUE.equals(js().executeScript(CHART_RENDERED, chart)));
        }
        pause(Duration.ofMillis(1500)); // let the charts' entry animation finish before the picture
        Path png = BrowserSupport.screenshot(driver, screenshotsDir().resolve("dashboard.png"));
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void provinceLeaderSeesOnlyTheirProvince() {
        logIn("leader-01", "demo");

        GridContent table = awaitGrid("only province 01", grid -> grid.size() == 1 && grid.rows().size() == 1
                && grid.rowContaining(HA_NOI) != null);
        assertThat(table.rows()).hasSize(1);
    }

    private void logIn(String username, String password) {
        driver.get(app.url("/"));
        wait("a redirect to /login", d -> path(d).equals("/login"));
        wait("the vaadin-login-form", ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        WebElement user = wait("the user name field", ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait("the dashboard at / after logging in as " + username, d -> path(d).equals("/"));
    }

    /** Waits until the province table's content satisfies {@code condition}; returns that content. */
    private GridContent awaitGrid(String what, Predicate<GridContent> condition) {
        GridContent[] last = {null};
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofSeconds(1));
        wait.withMessage(() -> "waiting for vaadin-grid#province-table to show " + what + "; last seen: " + last[0]);
        wait.ignoring(StaleElementReferenceException.class); // the view re-rendered between find and read
        return wait.until(d -> {
            List<WebElement> grids = d.findElements(By.cssSelector("vaadin-grid#province-table"));
            if (grids.isEmpty()) {
                return null;
            }
            last[0] = GridContent.read(js(), grids.get(0));
            return condition.test(last[0]) ? last[0] : null;
        });
    }

    private <T> T wait(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(500));
        wait.withMessage(() -> "waiting for " + what + " (at " + driver.getCurrentUrl() + ")");
        return wait.until(condition);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static String path(WebDriver d) {
        String path = URI.create(d.getCurrentUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static Path screenshotsDir() {
        return Path.of(System.getProperty("ioc.screenshots.dir", "../docs/screenshots"));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the element with id arguments[0] is an ioc-echart with a non-empty canvas or svg. */
    private static final String CHART_RENDERED = """
            const el = document.getElementById(arguments[0]);
            if (!el || el.localName !== 'ioc-echart') return false;
            return [el.shadowRoot, el].some(root => root && [...root.querySelectorAll('canvas, svg')]
                .some(c => { const r = c.getBoundingClientRect(); return r.width > 0 && r.height > 0; }));
            """;

    /**
     * The text of a vaadin-grid's body cells, row by row. The grid renders only the rows in view
     * and loads data lazily, so the script scrolls through it, waiting for each page to load.
     */
    record GridContent(long size, List<List<String>> rows, String error) {

        private static final String READ = """
                const grid = arguments[0], done = arguments[arguments.length - 1];
                const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
                const size = () => grid.size || grid._flatSize || 0;
                const settle = async () => {
                  for (let i = 0; i < 50 && grid.loading; i++) await sleep(100);
                  await sleep(100);
                };
                const rows = new Map();
                const collect = () => {
                  for (const tr of grid.shadowRoot.querySelectorAll('#items > tr')) {
                    if (tr.hidden || tr.hasAttribute('loading') || !(tr.index < size())) continue;
                    rows.set(tr.index, [...tr.querySelectorAll('td')].filter(td => !td.hidden).map(td => {
                      const slot = td.querySelector('slot');
                      const content = td._content || (slot && slot.assignedElements()[0]);
                      return content ? content.textContent.trim() : '';
                    }));
                  }
                };
                (async () => {
                  if (!grid.shadowRoot || !grid.shadowRoot.querySelector('#items')) throw 'grid not rendered yet';
                  await settle();
                  collect();
                  for (let i = 0; i < size(); i += 5) {
                    grid.scrollToIndex(i);
                    await settle();
                    collect();
                  }
                  grid.scrollToIndex(0);
                  done({size: size(), rows: [...rows.keys()].sort((a, b) => a - b).map(k => rows.get(k))});
                })().catch(e => done({size: -1, rows: [], error: String(e)}));
                """;

        @SuppressWarnings("unchecked")
        static GridContent read(JavascriptExecutor js, WebElement grid) {
            Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(READ, grid);
            return new GridContent(((Number) result.get("size")).longValue(), (List<List<String>>) result.get("rows"),
                    (String) result.get("error"));
        }

        List<String> rowContaining(String text) {
            return rows.stream().filter(row -> row.stream().anyMatch(cell -> cell.contains(text))).findFirst().orElse(null);
        }

        /** The row naming {@code name} has, besides the name and the province code, a cell with a figure. */
        boolean hasRowWithFigures(String name) {
            List<String> row = rowContaining(name);
            return row != null && row.stream()
                    .anyMatch(cell -> !cell.contains(name) && !cell.matches("0*1") && cell.matches("(?s).*\\d.*"));
        }

        @Override
        public String toString() {
            return error != null ? "cannot read the grid: " + error
                    : "size=" + size + ", " + rows.size() + " rows read: " + rows;
        }
    }
}
