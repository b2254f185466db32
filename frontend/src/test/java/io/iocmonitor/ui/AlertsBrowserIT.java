package io.iocmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts console in headless Chromium on the packaged demo: an operator finds the firing alert, acknowledges it
 * with a comment, sees a change made elsewhere (an assignment through the REST API) arrive without reloading —
 * pushed by the server — and silences it for maintenance; follows an alert's evidence link to the province view
 * that draws its figure; plans a maintenance silence in the form; and sees a refused rule file named.
 */
@EnabledIf(value = BrowserSupport.CHROMIUM_INSTALLED, disabledReason = BrowserSupport.NO_CHROMIUM)
class AlertsBrowserIT extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String NATIONAL_RULE = "national-online-rate-low";
    private static final String HANOI_RULE = "hanoi-online-rate-low";
    /** A national rule and one for Hà Nội that the demo's data (about 40 % fully online) breaks at once. */
    private static final String RULES = """
            rules:
              - name: national-online-rate-low
                signal: full-process-online-rate
                scope: national
                condition: "< 0.99"
                severity: major
                summary: {vi: "Toàn quốc: tỷ lệ trực tuyến toàn trình {value}", en: "Nationwide: full-process online rate {value}"}
                runbook: {vi: "Xem tổng quan", en: "Open the overview"}
              - name: hanoi-online-rate-low
                signal: full-process-online-rate
                scope: {provinces: ["01"]}
                condition: "< 0.99"
                severity: minor
                summary: {vi: "{province}: tỷ lệ trực tuyến toàn trình {value}", en: "{province}: full-process online rate {value}"}
                runbook: {vi: "Xem KPI của tỉnh", en: "Open the province's KPIs"}
            """;

    @TempDir
    static Path dir;

    private static PackagedApp app;
    private static Path rules;

    @BeforeAll
    static void startApplication() throws Exception {
        rules = Files.createDirectories(dir.resolve("alert-rules"));
        Files.writeString(rules.resolve("national.yaml"), RULES);
        app = PackagedApp.start("--ioc.alert-rules.dir=" + rules);
    }

    @AfterAll
    static void stopApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void operatorAcknowledgesAnAlertSeesAnAssignmentPushedAndSilencesIt() throws Exception {
        openConsoleAsOperator();

        WebElement row = wait("the firing alert in vaadin-grid#alert-table", d -> cellContaining("Toàn quốc"));
        row.click();
        wait("the alert's details", ExpectedConditions.textToBePresentInElementLocated(By.id("alert-summary"),
                "Toàn quốc"));
        wait("the comment field", ExpectedConditions.elementToBeClickable(By.cssSelector("#alert-comment textarea")))
                .sendKeys("Đã tiếp nhận, đang kiểm tra");
        driver.findElement(By.id("alert-acknowledge")).click();
        wait("acknowledged by operator", ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-acknowledged-by"), "operator"));
        wait("the acknowledgement in the history", ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-history"), "Đã tiếp nhận, đang kiểm tra"));

        long id = alertId(NATIONAL_RULE);
        HttpResponse<String> assigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.url("/api/v1/alerts/" + id + "/assign")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"assignee\":\"an.nguyen\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(assigned.statusCode()).isEqualTo(200);
        wait("the assignment pushed into the table, no reload", d -> cellContaining("an.nguyen"));

        driver.findElement(By.id("alert-silence")).click();
        wait("the silence dialog", ExpectedConditions.elementToBeClickable(By.cssSelector("#silence-comment textarea")))
                .sendKeys("Bảo trì hệ thống");
        driver.findElement(By.id("silence-save")).click();
        wait("the silence listed", d -> silenceListed("Bảo trì hệ thống"));
        BrowserSupport.screenshot(driver, Path.of(System.getProperty("ioc.screenshots.dir", "../docs/screenshots"))
                .resolve("alerts.png"));
    }

    @Test
    void anAlertsEvidenceLinkOpensTheProvinceViewAtItsFigures() {
        openConsoleAsOperator();
        wait("Hà Nội's alert in vaadin-grid#alert-table", d -> cellContaining("Hà Nội")).click();
        WebElement evidence = wait("the evidence link", ExpectedConditions.elementToBeClickable(
                By.id("alert-evidence")));
        assertThat(evidence.getDomAttribute("href")).isEqualTo("/province/01?period=last-30-days&show=kpis");
        assertThat(driver.findElement(By.id("alert-evidence-api")).getDomAttribute("href"))
                .startsWith("/api/v1/kpis?").endsWith("&groupBy=province&province=01");
        String console = driver.getWindowHandle();
        evidence.click();
        wait("the view opened beside the console", d -> d.getWindowHandles().size() == 2);
        driver.getWindowHandles().stream().filter(h -> !h.equals(console)).findFirst()
                .ifPresent(h -> driver.switchTo().window(h));
        wait("the province view", d -> URI.create(d.getCurrentUrl()).getPath().equals("/province/01"));
        wait("Hà Nội's name", ExpectedConditions.textToBePresentInElementLocated(By.id("province-name"), "Hà Nội"));
        wait("the period of the alert's window", ExpectedConditions.textToBePresentInElementLocated(By.id("period"),
                "30 ngày qua"));
        WebElement kpis = wait("the KPI tiles marked as the evidence", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#province-kpis[data-evidence='kpis']")));
        wait("the KPI tiles in sight", d -> Boolean.TRUE.equals(js().executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;""", kpis)));
        assertThat(kpis.getText()).contains("%");
    }

    @Test
    void aMaintenanceSilencePlannedInTheFormIsListedAndSilencesTheMatchingAlert() throws Exception {
        openConsoleAsOperator();
        wait("Hà Nội's alert", d -> cellContaining("Hà Nội"));
        openSilences();
        wait("the new-silence button", ExpectedConditions.elementToBeClickable(By.id("silence-new"))).click();
        wait("the silence form", ExpectedConditions.visibilityOfElementLocated(By.id("silence-form")));
        pick("silence-province", "Hà Nội");
        pick("silence-rule", HANOI_RULE);
        LocalDateTime from = LocalDateTime.parse((String) js().executeScript(
                "return document.getElementById('silence-start').value"));
        setDateTime("silence-end", from.minusHours(1));
        driver.findElement(By.id("silence-save")).click();
        wait("the end refused", d -> Boolean.TRUE.equals(js().executeScript(
                "return document.getElementById('silence-end').invalid")));
        assertThat(driver.findElement(By.id("silence-end")).getDomProperty("errorMessage"))
                .isEqualTo("Thời điểm kết thúc phải sau thời điểm bắt đầu");
        assertThat(driver.findElement(By.id("silence-comment")).getDomProperty("errorMessage"))
                .isEqualTo("Nhập lý do (ví dụ: bảo trì)");

        setDateTime("silence-end", from.plusHours(2));
        driver.findElement(By.cssSelector("#silence-comment textarea")).sendKeys("Bảo trì cổng DVC Hà Nội");
        driver.findElement(By.id("silence-save")).click();
        wait("the form closed", ExpectedConditions.invisibilityOfElementLocated(By.id("silence-form")));
        wait("the maintenance silence listed", d -> silenceListed("Bảo trì cổng DVC Hà Nội"));

        JsonNode silence = null;
        for (JsonNode s : json(get("/api/v1/silences"))) {
            if (s.get("comment").asString().equals("Bảo trì cổng DVC Hà Nội")) {
                silence = s;
            }
        }
        assertThat(silence).as("the silence in GET /api/v1/silences").isNotNull();
        assertThat(silence.get("matchers").get("province").asString()).isEqualTo("01");
        assertThat(silence.get("matchers").get("rule").asString()).isEqualTo(HANOI_RULE);
        assertThat(silence.get("createdBy").asString()).isEqualTo("operator");
        Instant startsAt = Instant.parse(silence.get("startsAt").asString());
        assertThat(startsAt).as("the start, read in ICT").isEqualTo(from.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .toInstant());
        assertThat(Duration.between(startsAt, Instant.parse(silence.get("endsAt").asString())))
                .isEqualTo(Duration.ofHours(2));
        assertThat(json(get("/api/v1/alerts/" + alertId(HANOI_RULE))).get("silenced").asBoolean()).isTrue();

        wait("Hà Nội's alert", d -> cellContaining("Hà Nội")).click();
        wait("the alert shown as silenced", ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-details"), "Đang tạm tắt thông báo"));
    }

    @Test
    void aRefusedRuleFileIsNamedAboveTheAlertsWhileItLasts() throws Exception {
        openConsoleAsOperator();
        wait("the alerts", d -> cellContaining("Toàn quốc"));
        Path broken = rules.resolve("broken.yaml");
        try {
            Files.writeString(broken, RULES.replace(NATIONAL_RULE, "other-national")
                    .replace(HANOI_RULE, "other-hanoi").replace("severity: major", "severity: huge"));
            wait("the rule problems", ExpectedConditions.textToBePresentInElementLocated(
                    By.id("alert-rule-problems"), "broken.yaml: rule \"other-national\": field \"severity\""));
        } finally {
            Files.deleteIfExists(broken);
        }
        wait("the rule problems gone", ExpectedConditions.invisibilityOfElementLocated(By.id("alert-rule-problems")));
    }

    private void openConsoleAsOperator() {
        driver.get(app.url("/login"));
        wait("the user name field", ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("operator");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait("the dashboard after logging in", d -> URI.create(d.getCurrentUrl()).getPath().equals("/"));
        driver.get(app.url("/alerts"));
    }

    private void openSilences() {
        WebElement panel = driver.findElement(By.id("alert-silences"));
        if (panel.getDomAttribute("opened") == null) {
            panel.findElement(By.cssSelector("vaadin-details-summary")).click();
        }
    }

    /** Whether the silences panel lists one with this comment (opening the panel to look). */
    private boolean silenceListed(String comment) {
        openSilences();
        return driver.findElements(By.cssSelector("#alert-silences vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains(comment));
    }

    /** Types into a combo box and clicks the item that shows {@code text}, wherever its overlay renders it. */
    private void pick(String comboBox, String text) {
        driver.findElement(By.cssSelector("#" + comboBox + " input")).sendKeys(text);
        wait("the item \"" + text + "\" of #" + comboBox, d -> Boolean.TRUE.equals(js().executeScript("""
                function* all(root) {
                  for (const el of root.querySelectorAll('*')) {
                    yield el;
                    if (el.shadowRoot) yield* all(el.shadowRoot);
                  }
                }
                for (const el of all(document)) {
                  if (el.localName === 'vaadin-combo-box-item' && el.textContent.includes(arguments[0])
                      && el.getClientRects().length > 0) {
                    el.click();
                    return true;
                  }
                }
                return false;""", text)));
        wait("#" + comboBox + " set to " + text, d -> String.valueOf(js().executeScript(
                "return document.querySelector('#' + arguments[0] + ' input').value", comboBox)).contains(text));
    }

    /** Sets a date-time picker through its web component's value, as a choice in its overlays does. */
    private void setDateTime(String picker, LocalDateTime value) {
        js().executeScript("""
                const p = document.getElementById(arguments[0]);
                p.value = arguments[1];
                p.dispatchEvent(new CustomEvent('change', {bubbles: true}));""", picker,
                value.truncatedTo(ChronoUnit.MINUTES).toString());
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** The id of a rule's firing alert, asked through the API as the operator. */
    private static long alertId(String rule) throws Exception {
        for (JsonNode alert : json(get("/api/v1/alerts?state=firing"))) {
            if (alert.get("rule").asString().equals(rule)) {
                return alert.get("id").asLong();
            }
        }
        throw new AssertionError("no firing alert of " + rule);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "operator:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }

    /** The grid cell whose text contains {@code text}, or {@code null} while there is none. */
    private WebElement cellContaining(String text) {
        for (WebElement cell : driver.findElements(By.cssSelector("vaadin-grid#alert-table vaadin-grid-cell-content"))) {
            try {
                if (cell.getText().contains(text)) {
                    return cell;
                }
            } catch (StaleElementReferenceException e) {
                return null;
            }
        }
        return null;
    }

    private <T> T wait(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(500));
        wait.withMessage(() -> "waiting for " + what + " (at " + driver.getCurrentUrl() + ")");
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition);
    }

}
