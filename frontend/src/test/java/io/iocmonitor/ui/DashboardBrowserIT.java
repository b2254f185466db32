package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged demo application in headless Chromium: log-in and the national dashboard; each role's main path
 * through the province, commune, comparison and report views, exports, the language switch, the commune import in
 * both layouts, and wall mode surviving the expiry of its HTTP session and a server restart (last, since it
 * restarts the application the other tests share).
 *
 * <p>Contract with the views: the log-in view at {@code /login} uses {@code vaadin-login-form};
 * the dashboard at {@code /} has a {@code vaadin-grid#province-table} with one row per province
 * the user may see (the province name, e.g. "Thành phố Hà Nội", and KPI figures in the cells) and
 * the charts {@code ioc-echart#national-gauge} and {@code ioc-echart#province-chart}.
 */
@EnabledIf(value = BrowserSupport.CHROMIUM_INSTALLED, disabledReason = BrowserSupport.NO_CHROMIUM)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT extends BrowserTest {

    private static final String HA_NOI = "Thành phố Hà Nội";
    private static final String HO_CHI_MINH = "Thành phố Hồ Chí Minh";
    private static final String WALL_TOKEN = "wall-test-token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PackagedApp app;
    @BeforeAll
    static void startApplication() throws Exception {
        // Tomcat's session manager over JMX, for expiring the wall's session
        app = PackagedApp.start("--ioc.wall.token=" + WALL_TOKEN, "--server.tomcat.mbeanregistry.enabled=true");
    }

    @AfterAll
    static void stopApplication() {
        if (app != null) {
            app.close();
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

    @Test
    @Order(1)
    void leaderSeesOwnProvinceAndNothingOfAnother() {
        logIn("leader-01", "demo");
        long start = System.nanoTime();
        driver.get(app.url("/province/01"));
        awaitText("province-name", HA_NOI);
        // the trajectory, 7 rates and 5 counts
        wait("the 13 KPI tiles", d -> d.findElements(By.cssSelector("#province-kpis .kpi-tile")).size() == 13);
        awaitElement("trajectory");
        wait("the commune table's 126 rows", d -> Long.valueOf(126).equals(js().executeScript(
                "const g = document.getElementById('commune-table'); return g && (g.size || g._flatSize);")));
        // a figure for the docs, not a pass mark: the demo's data is small and the machine shared
        System.out.printf("province view: KPI tiles and the 126 communes %d ms after navigating%n",
                (System.nanoTime() - start) / 1_000_000);
        GridContent communes = awaitGrid("commune-table", "Hà Nội's 126 communes, ranked",
                grid -> grid.size() == 126 && grid.rows().size() == 126);
        assertRankedThenInsufficient(communes);
        for (String chart : List.of("trend-chart", "outage-timeline")) {
            wait("chart " + chart, d -> Boolean.TRUE.equals(js().executeScript(CHART_RENDERED, chart)));
        }

        awaitElement("sla-breach-table");
        awaitElement("vneid-health");
        awaitElement("sync-table");
        pause(Duration.ofMillis(1500));
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("province.png"));

        // the export holds exactly the table: 126 communes of 01 and a header
        String csv = download("commune-table-csv");
        assertThat(csv.lines()).hasSize(127);
        assertThat(csv.lines().skip(1)).allMatch(line -> line.matches("[^,]*,[^,]*,01\\d{3},.*"));

        // drill-down: a commune's row opens the commune
        String firstCommune = communes.rows().getFirst().get(2);
        clickGridRow("commune-table", 0);
        wait("the commune view of " + firstCommune, d -> path(d).equals("/commune/" + firstCommune));
        awaitElement("commune-kpis");

        // the printable report of the own province, for this month
        driver.get(app.url("/report/01?period=this-month"));
        wait("the report's title", ExpectedConditions.attributeContains(By.id("report-title"), "textContent", HA_NOI));
        wait("the report's KPI tiles", d -> d.findElements(By.cssSelector("#report-kpis .kpi-tile")).size() == 12);
        awaitGrid("report-commune-table", "the communes in the report", grid -> grid.size() == 126);
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("report.png"));

        // another province, its commune, its report, whatever the URL: nothing of it
        for (String url : List.of("/province/79", "/commune/79001", "/report/79")) {
            driver.get(app.url(url));
            awaitElement("access-denied");
            assertThat(driver.getPageSource()).as(url).doesNotContain(HO_CHI_MINH);
            assertThat(driver.findElements(By.cssSelector(".kpi-tile"))).as(url).isEmpty();
        }
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("access-denied.png"));
    }

    @Test
    @Order(2)
    void inspectorDrillsDownComparesAndExports() {
        logIn("inspector", "demo");
        awaitElement("tile-79");
        awaitElement("freshness");
        awaitElement("trajectory");
        wait("34 province tiles", d -> d.findElements(By.cssSelector("#province-tiles .province-tile")).size() == 34);
        pause(Duration.ofMillis(1500));
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("overview-tiles.png"));
        WebElement tile = driver.findElement(By.id("tile-79"));
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", tile);
        tile.click();
        wait("the province view of 79 after clicking its tile", d -> path(d).equals("/province/79"));
        awaitText("province-name", HO_CHI_MINH);

        driver.get(app.url("/compare?pick=01,79"));
        GridContent league = awaitGrid("league-table", "34 provinces ranked", grid -> grid.size() == 34
                && grid.rows().size() == 34 && grid.rowContaining(HA_NOI) != null);
        assertThat(league.rows().getFirst().getFirst()).isEqualTo("1"); // provinces have samples enough
        assertRankedThenInsufficient(league);
        GridContent compared = awaitGrid("compare-table", "Hà Nội and Hồ Chí Minh side by side",
                grid -> grid.size() == 2 && grid.rowContaining(HA_NOI) != null
                        && grid.rowContaining(HO_CHI_MINH) != null);
        assertThat(compared.rows()).hasSize(2);
        GridContent index = awaitGrid("index-table", "the composite index of the 34 provinces",
                grid -> grid.size() == 34 && grid.rowContaining(HA_NOI) != null);
        assertThat(index.rowContaining(HA_NOI).get(3)).isIn("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu",
                "chưa đủ dữ liệu");
        wait("chart compare-chart", d -> Boolean.TRUE.equals(js().executeScript(CHART_RENDERED, "compare-chart")));
        pause(Duration.ofMillis(1500));
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("compare.png"));

        String csv = download("league-table-csv");
        assertThat(csv.lines()).hasSize(35);
        // (the browser's text decoding drops the byte-order mark; TableExportTest checks it)
        assertThat(csv.lines().findFirst().orElseThrow()).matches("\uFEFF?Hạng,Thay đổi,Mã,.*");
        assertThat(csv).contains(HA_NOI).contains(HO_CHI_MINH);
        assertThat(downloadPrefix("league-table-xlsx")).isEqualTo("PK"); // a zip: the xlsx container
    }

    @Test
    @Order(3)
    void theLanguageSwitchesToEnglishAndStaysSwitched() {
        logIn("inspector", "demo");
        WebElement toggle = awaitElement("language-switch");
        assertThat(toggle.getText()).isEqualTo("English");
        assertThat(headings()).first().isEqualTo("Tỷ lệ hồ sơ trực tuyến toàn trình");
        toggle.click();
        wait("the page in English", d -> headings().contains("Full-process online rate"));
        assertThat(awaitElement("language-switch").getText()).isEqualTo("Tiếng Việt");
        awaitElement("tile-01");
        pause(Duration.ofMillis(1500));
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("overview-en.png"));

        driver.get(app.url("/compare"));
        wait("the comparison view in English", d -> headings().contains("Compare localities"));
        GridContent league = awaitGrid("league-table", "English figures", grid -> grid.size() == 34
                && !grid.rows().isEmpty());
        // English percentages have no space before the sign and a decimal point: "41.3%"
        assertThat(league.rows().stream().map(row -> row.get(4))).anyMatch(cell -> cell.matches("\\d+\\.\\d%.*"));
    }

    @Test
    @Order(4)
    void adminImportsCommunesWithAReportOfRefusedRows() throws Exception {
        Path csv = Files.createTempFile("communes-", ".csv");
        // 48001 exists as a placeholder (changed, its old version kept), 48990 is new, two rows are refused
        Files.writeString(csv, """
                code,name_vi,province_code,type
                48001,Phường Hải Châu,48,phuong
                48990,Xã Hòa Vang,48,xa
                4899,Xã Thiếu Số,48,xa
                48991,Xã Không Tỉnh,99,xa
                """);
        try {
            logIn("admin", "demo");
            uploadCommunes(csv);
            wait("the import report", d -> d.findElement(By.id("import-report")).getText().contains("2 dòng bị từ chối"));
            assertThat(driver.findElement(By.id("import-report")).getText()).contains("đã nhập 2 xã / phường (1 mới, 1 thay đổi)");
            GridContent refused = awaitGrid("import-rejected", "the two refused rows", grid -> grid.size() == 2);
            assertThat(String.join("\n", refused.rows().stream().map(r -> String.join(" ", r)).toList()))
                    .contains("line 4: code \"4899\" is not five digits")
                    .contains("line 5: province_code \"99\" is not one of the 34 provinces");
            awaitGrid("import-history", "the import in the history", grid -> grid.size() == 1);
            BrowserSupport.screenshot(driver, screenshotsDir().resolve("admin-import.png"));

            // a national target of 50 % for the full-process online rate
            driver.findElement(By.cssSelector("vaadin-number-field#target-value input")).sendKeys("50");
            driver.findElement(By.id("target-save")).click();
            GridContent set = awaitGrid("target-table", "the new target", grid -> grid.size() == 1);
            assertThat(String.join(" ", set.rows().getFirst())).contains("Tỷ lệ trực tuyến toàn trình").contains("50");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    @Order(5)
    void adminImportsTheStatisticsOfficeSpreadsheet() throws Exception {
        // the office's export: a title row, its Vietnamese headers, one row changing Huế's placeholder 46001, one new
        // commune, one unit of a level abolished in 2025
        Path xlsx = Files.createTempFile("Danh sach cap xa-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("Danh sách đơn vị hành chính cấp xã");
            List<List<String>> rows = List.of(
                    List.of("Mã", "Tên", "Tên Tiếng Anh", "Cấp", "Mã TP", "Tỉnh / Thành Phố"),
                    List.of("46001", "Phường Thuận Hóa", "", "Phường", "46", "Thành phố Huế"),
                    List.of("46990", "Xã Phú Vang", "", "Xã", "46", "Thành phố Huế"),
                    List.of("46991", "Thị trấn Thuận An", "", "Thị trấn", "46", "Thành phố Huế"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }
        try {
            logIn("admin", "demo");
            uploadCommunes(xlsx);
            wait("the import report", d -> d.findElement(By.id("import-report")).getText().contains("1 dòng bị từ chối"));
            assertThat(driver.findElement(By.id("import-report")).getText())
                    .contains("đã nhập 2 xã / phường (1 mới, 1 thay đổi)");
            GridContent refused = awaitGrid("import-rejected", "the refused row", grid -> grid.size() == 1);
            assertThat(refused.rows().getFirst().getFirst())
                    .isEqualTo(xlsx.getFileName() + " row 5: Cấp \"Thị trấn\" is not one of Xã, Phường, Đặc khu");
            awaitGrid("import-history", "the import in the history",
                    grid -> grid.rowContaining(xlsx.getFileName().toString()) != null);
        } finally {
            Files.deleteIfExists(xlsx);
        }
    }

    @Test
    @Order(6)
    void wallModeComesBackAndRotatesOnAfterItsSessionExpires() throws Exception {
        Object loadedAt = openWall();
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();

        app.expireHttpSession(session);

        awaitWallReloaded(loadedAt, "the session's expiry", WAIT);
        assertThat(driver.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(session);
        // a new session, signed in by the token again: both views show data and the rotation goes on
        wait("the wall back on the overview", d -> "overview".equals(wallView()));
        wait("the overview's 34 province tiles",
                d -> d.findElements(By.cssSelector("#wall-content #province-tiles .province-tile")).size() == 34);
        wait("the wall rotating on to province 01", d -> "province/01".equals(wallView()));
        awaitText("province-name", HA_NOI);
        wait("province 01's 13 KPI tiles",
                d -> d.findElements(By.cssSelector("#wall-content #province-kpis .kpi-tile")).size() == 13);
        assertThat(path(driver)).isEqualTo("/wall");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void wallModeRotatesAndComesBackAfterAServerRestart() throws Exception {
        Object loadedAt = openWall();
        pause(Duration.ofMillis(1500));
        BrowserSupport.screenshot(driver, screenshotsDir().resolve("wall.png"));

        app.restart();

        awaitWallReloaded(loadedAt, "the restart", Duration.ofMinutes(3));
        String shown = wallView();
        wait("the wall rotating on after the restart", d -> wallView() != null && !shown.equals(wallView()));
        assertThat(path(driver)).isEqualTo("/wall");
    }

    /** Opens the wall on the overview and province 01, waits for both; returns when the page was loaded. */
    private Object openWall() {
        driver.get(app.url("/wall?views=overview,province/01&seconds=5&token=" + WALL_TOKEN));
        wait("the wall showing the overview", d -> "overview".equals(wallView()));
        wait("the wall rotating to province 01", d -> "province/01".equals(wallView()));
        awaitText("province-name", HA_NOI);
        Object loadedAt = js().executeScript("return window.__iocWallLoadedAt");
        assertThat(loadedAt).isNotNull();
        return loadedAt;
    }

    /** Waits until the wall page has been loaded anew (not the one loaded at {@code loadedAt}) and shows a view. */
    private void awaitWallReloaded(Object loadedAt, String after, Duration timeout) {
        WebDriverWait reloaded = new WebDriverWait(driver, timeout, Duration.ofSeconds(1));
        reloaded.withMessage("the wall reloading itself after " + after + " (at " + driver.getCurrentUrl() + ")");
        reloaded.ignoring(JavascriptException.class);
        reloaded.until(d -> !loadedAt.equals(js().executeScript("return window.__iocWallLoadedAt"))
                && wallView() != null);
    }

    /** Opens the admin view and uploads a communes file to its import. */
    private void uploadCommunes(Path file) {
        driver.get(app.url("/admin"));
        awaitElement("user-table");
        WebElement upload = awaitElement("commune-upload");
        List<WebElement> inputs = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = !inputs.isEmpty() ? inputs.getFirst()
                : upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Ranked rows come first in rank order; the unranked ones after them, each marked insufficient data. */
    private static void assertRankedThenInsufficient(GridContent league) {
        List<String> ranks = league.rows().stream().map(List::getFirst).toList();
        int firstUnranked = ranks.contains("–") ? ranks.indexOf("–") : ranks.size();
        List<Integer> ranked = ranks.subList(0, firstUnranked).stream().map(Integer::valueOf).toList();
        assertThat(ranked).isSorted();
        assertThat(ranks.subList(firstUnranked, ranks.size())).allMatch("–"::equals);
        assertThat(league.rows().subList(firstUnranked, ranks.size()))
                .allMatch(row -> String.join(" ", row).contains("chưa đủ dữ liệu"));
    }

    private String wallView() {
        List<WebElement> content = driver.findElements(By.id("wall-content"));
        return content.isEmpty() ? null : content.getFirst().getAttribute("data-view");
    }

    private void awaitText(String id, String text) {
        // textContent, not Selenium's visible text: a heading scrolled under the app bar reads as empty
        wait("#" + id + " to read " + text, ExpectedConditions.attributeToBe(By.id(id), "textContent", text));
    }

    private WebElement awaitElement(String id) {
        return wait("#" + id, ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** The text of what the download link with this id serves, fetched in the page with the user's session. */
    private String download(String linkId) {
        awaitElement(linkId);
        return (String) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href).then(r => r.text()).then(done)
                    .catch(e => done('failed: ' + e));""", linkId);
    }

    /** The first two bytes of a download, as characters. */
    private String downloadPrefix(String linkId) {
        awaitElement(linkId);
        return (String) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href).then(r => r.arrayBuffer())
                    .then(b => done(String.fromCharCode(...new Uint8Array(b).slice(0, 2))))
                    .catch(e => done('failed: ' + e));""", linkId);
    }

    /** Clicks the first cell of the grid's row {@code index}, as a user would. */
    private void clickGridRow(String gridId, int index) {
        js().executeScript("""
                const grid = document.getElementById(arguments[0]);
                grid.scrollToIndex(arguments[1]);
                const row = [...grid.shadowRoot.querySelectorAll('#items > tr')].find(tr => tr.index === arguments[1]);
                row.querySelector('td').click();""", gridId, index);
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
        return awaitGrid("province-table", what, condition);
    }

    /** Waits until the content of the vaadin-grid with this id satisfies {@code condition}; returns that content. */
    private GridContent awaitGrid(String id, String what, Predicate<GridContent> condition) {
        GridContent[] last = {null};
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofSeconds(1));
        wait.withMessage(() -> "waiting for vaadin-grid#" + id + " to show " + what + "; last seen: " + last[0]);
        wait.ignoring(StaleElementReferenceException.class); // the view re-rendered between find and read
        return wait.until(d -> {
            List<WebElement> grids = d.findElements(By.cssSelector("vaadin-grid#" + id));
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
        wait.ignoring(StaleElementReferenceException.class); // the page re-rendered (or reloaded) meanwhile
        return wait.until(condition);
    }

    /** Read in one script, so that a re-render between finding a heading and reading it cannot fail the read. */
    @SuppressWarnings("unchecked")
    private List<String> headings() {
        return (List<String>) js().executeScript(
                "return Array.from(document.querySelectorAll('h2'), h => h.textContent.trim());");
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
