package io.iocmonitor.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/** A fresh headless Chromium for each test, with a screenshot kept when the test fails. */
abstract class BrowserTest {

    protected WebDriver driver;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = BrowserSupport.screenshotOnFailure(() -> driver);

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
}
