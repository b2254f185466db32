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
import java.util.Base64;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alerts console in headless Chromium on the packaged demo: an operator finds the firing alert, acknowledges it
 * with a comment, sees a change made elsewhere (an assignment through the REST API) arrive without reloading —
 * pushed by the server — and silences it for maintenance.
 */
@EnabledIf(value = BrowserSupport.CHROMIUM_INSTALLED, disabledReason = BrowserSupport.NO_CHROMIUM)
class AlertsBrowserIT extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** A national rule that the demo's data (about 40 % fully online) breaks at once. */
    private static final String RULES = """
            rules:
              - name: national-online-rate-low
                signal: full-process-online-rate
                scope: national
                condition: "< 0.99"
                severity: major
                summary: {vi: "Toàn quốc: tỷ lệ trực tuyến toàn trình {value}", en: "Nationwide: full-process online rate {value}"}
                runbook: {vi: "Xem tổng quan", en: "Open the overview"}
            """;

    @TempDir
    static Path dir;

    private static PackagedApp app;
    @BeforeAll
    static void startApplication() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("alert-rules"));
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
        driver.get(app.url("/login"));
        wait("the user name field", ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("operator");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait("the dashboard after logging in", d -> URI.create(d.getCurrentUrl()).getPath().equals("/"));
        driver.get(app.url("/alerts"));

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

        long id = alertId();
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
        wait("the silence listed", ExpectedConditions.textToBePresentInElementLocated(By.id("alert-silences"),
                "(1)"));
        BrowserSupport.screenshot(driver, Path.of(System.getProperty("ioc.screenshots.dir", "../docs/screenshots"))
                .resolve("alerts.png"));
    }

    /** The id of the one firing alert, asked through the API as the operator. */
    private static long alertId() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.url("/api/v1/alerts?state=firing")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "operator:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get(0).get("id")
                .asLong();
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
