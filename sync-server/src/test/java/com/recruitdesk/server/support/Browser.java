package com.recruitdesk.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver ({@code ./dev test}
 * installs both when missing; Selenium Manager cannot download drivers here), with a fresh profile
 * that is deleted on close.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A phone-sized window unless {@code width} says otherwise. */
    public static Browser start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(
                    "The browser tests need Debian's chromium and chromium-driver; ./dev test installs"
                            + " them (apt-get install -y chromium chromium-driver).");
        }
        Path profile = TempDirs.create("recruitdesk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** Marks the page now shown, so {@link #showsAnotherPage()} can tell when a navigation has replaced it. */
    public void markPage() {
        driver.executeScript("window.recruitdeskMarked = true");
    }

    /**
     * Whether a page other than the one last marked has loaded. A new document has none of the old
     * window's properties. Between pages Chromium answers with errors of several kinds (a stale
     * element, a node that "does not belong to the document"), so any driver error means "not yet".
     */
    public boolean showsAnotherPage() {
        try {
            return Boolean.TRUE.equals(
                    driver.executeScript("return document.readyState === 'complete' && !window.recruitdeskMarked"));
        } catch (WebDriverException betweenPages) {
            return false;
        }
    }

    /** A PNG of what the window shows. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempDirs.delete(profile);
        }
    }
}
