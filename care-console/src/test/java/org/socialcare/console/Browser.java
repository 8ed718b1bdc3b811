package org.socialcare.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, paths from the system properties
 * {@code care.console.browser.chromium} and {@code care.console.browser.chromedriver}) with a fresh profile, logged
 * into the console as one user. Nothing is fetched from the network: the driver is given, so Selenium Manager is
 * never asked. Not thread-safe (one test thread per browser).
 */
final class Browser implements AutoCloseable {
    private final String name;
    private final String base;
    private final Path profile;
    private final ChromeDriver driver;

    Browser(String name, String base) {
        this.name = name;
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("care-console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("care.console.browser.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        Path.of(System.getProperty("care.console.browser.chromedriver", "/usr/bin/chromedriver"))
                                .toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    String name() {
        return name;
    }

    Browser login(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/queue"));
        return this;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    String source() {
        return driver.getPageSource();
    }

    <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        // the pages replace their live regions every few seconds: an element found before may have been replaced
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Waits until the page (reloaded each time when {@code reload}) shows {@code text}. */
    void waitForText(String text, boolean reload) {
        waitFor(d -> {
            if (reload) {
                d.navigate().refresh();
            }
            return d.getPageSource().contains(text);
        });
    }

    /** Saves what the browser shows as a PNG at {@code file}. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot: the window grows to the page's height first. */
    void fullScreenshot(Path file) {
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        long h = Math.min(4000, Math.max(600, ((Number) height).longValue()));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) h));
        screenshot(file);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
