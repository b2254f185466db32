package io.iocmonitor.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (override with the system properties {@code ioc.it.chromium} and {@code ioc.it.chromedriver}).
 * Both paths are given to Selenium explicitly, so Selenium Manager never downloads anything.
 */
public final class BrowserSupport {

    public static final Path CHROMIUM = Path.of(System.getProperty("ioc.it.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("ioc.it.chromedriver", "/usr/bin/chromedriver"));

    private BrowserSupport() {
    }

    /**
     * Whether Chromium is installed; browser test classes are annotated with
     * {@code @EnabledIf(value = BrowserSupport.CHROMIUM_INSTALLED, disabledReason = BrowserSupport.NO_CHROMIUM)}.
     */
    public static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    public static final String CHROMIUM_INSTALLED = "io.iocmonitor.ui.BrowserSupport#chromiumInstalled";
    public static final String NO_CHROMIUM = "Chromium not installed (/usr/bin/chromium or -Dioc.it.chromium):"
            + " browser tests skipped. Install Debian's chromium and chromium-driver (.ci/run does this).";

    /** A new headless Chromium with a fresh profile, deleted again by {@link WebDriver#quit()}. */
    public static ChromeDriver startChromium() {
        if (!Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMEDRIVER + " not found: apt-get install chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("ioc-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1600,1000",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options) {
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    deleteRecursively(profile);
                }
            }
        };
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Writes a PNG of the browser's viewport, creating the folder. */
    public static Path screenshot(WebDriver driver, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For {@code @RegisterExtension}: when a test fails, saves a screenshot and the page's HTML
     * to {@code target/browser-failures/} before {@code @AfterEach} quits the browser.
     */
    public static AfterTestExecutionCallback screenshotOnFailure(Supplier<WebDriver> driver) {
        return context -> {
            WebDriver current = driver.get();
            if (context.getExecutionException().isEmpty() || current == null) {
                return;
            }
            Path dir = Path.of(System.getProperty("project.build.directory", "target"), "browser-failures");
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                Path png = screenshot(current, dir.resolve(name + ".png"));
                Files.writeString(dir.resolve(name + ".html"), String.valueOf(current.getPageSource()));
                System.err.println("Browser test failed at " + current.getCurrentUrl() + "; screenshot: " + png);
            } catch (RuntimeException | IOException e) {
                System.err.println("Could not save the failure screenshot: " + e);
            }
        };
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
