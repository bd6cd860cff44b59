package uk.orderwatch.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's chromium, headless, driven through Debian's chromedriver (no browser is
 * downloaded). Besides clicking and typing it checks each page it shows with axe-core for WCAG 2.2 A and AA, and
 * keeps every page's source so a test can look for what must never reach the browser.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("orderwatch.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("orderwatch.chromedriver", "/usr/bin/chromedriver");
    /** Every wait in the browser test: long enough for a slow CI machine, short enough to fail clearly. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AXE = axeSource();

    final String name;
    final ChromeDriver driver;
    private final boolean javascript;
    private final String portal;
    private final List<String> sources = new ArrayList<>();
    private final List<String> violations;

    /**
     * @param violations where accessibility violations of every page checked are collected (shared by a test's
     *                   browsers, asserted empty at its end)
     */
    Browser(String name, String portal, Path profile, List<String> violations) {
        this(name, portal, profile, violations, true);
    }

    /** @param javascript false: the browser runs no script of any page, as where an organisation blocks it */
    Browser(String name, String portal, Path profile, List<String> violations, boolean javascript) {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: the portal's browser test drives Debian's "
                        + "chromium (sudo apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        this.name = name;
        this.portal = portal;
        this.violations = violations;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // a closed network: no background traffic to Google's hosts, no component updates
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "profile.managed_default_content_settings.javascript", 2));
        }
        this.javascript = javascript;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a portal page and checks it. */
    Browser open(String path) {
        driver.get(portal + path);
        return checked();
    }

    /** Signs in at the identity server's page the portal sends the browser to, and lands on the role's start. */
    Browser signIn(String username) {
        driver.get(portal + "/");
        waitFor(By.name("username"));
        checked();
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("orderwatch-demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).withMessage(() -> name + " signed in as " + username + " but is at "
                        + driver.getCurrentUrl() + ": " + text())
                .until(d -> d.getCurrentUrl().startsWith(portal)
                        && !d.findElements(By.cssSelector(".ow-account")).isEmpty());
        return checked();
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> name + " at " + driver.getCurrentUrl() + ": "
                + text()).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser choose(String name, String value) {
        driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
        return this;
    }

    Browser select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        return this;
    }

    /** Clicks a button or link by its text and waits for the next page. */
    Browser press(String text) {
        WebElement target = driver.findElement(By.xpath("//*[(self::button or self::a) and normalize-space(.)='"
                + text + "']"));
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(page));
        return checked();
    }

    /** Waits until the page (the one shown now, or the next while it loads) shows {@code text}. */
    Browser awaitText(String text) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> text().contains(text));
        return this;
    }

    String heading() {
        return waitFor(By.tagName("h1")).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Every page source this browser was shown, for checks of what must never reach it. */
    List<String> sources() {
        return sources;
    }

    /**
     * Keeps the page's source and runs axe-core on it (WCAG 2.0, 2.1 and 2.2, levels A and AA); each violation is
     * recorded with the page's address and the elements concerned.
     */
    @SuppressWarnings("unchecked")
    Browser checked() {
        waitFor(By.tagName("h1"));
        sources.add(driver.getPageSource());
        if (!javascript) {
            // axe runs as a script in the page; the same pages are checked in the browsers that run scripts
            return this;
        }
        var js = (JavascriptExecutor) driver;
        js.executeScript(AXE);
        List<Object> found = (List<Object>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22a', 'wcag22aa']}}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
        String page = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        found.forEach(v -> violations.add(name + " " + page + " -> " + v));
        return this;
    }

    /** A picture of the whole page, as tall as its content. */
    void screenshot(Path file) {
        try {
            script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
            long height = (Long) script("return Math.max(document.body.scrollHeight, 600)");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 40,
                    4000)));
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertNoTokenInBrowser() {
        // an access, refresh or ID token is a JWT (eyJ...) or an opaque value: none of them may be in the page,
        // the browser's storage or its cookies, whose only one is the session cookie
        for (String source : sources) {
            assertThat(source).as(name + ": a page source").doesNotContain("eyJ", "access_token", "refresh_token",
                    "id_token");
        }
        assertThat(String.valueOf(script("return JSON.stringify(window.localStorage) + "
                + "JSON.stringify(window.sessionStorage)"))).as(name + ": storage").isEqualTo("{}{}");
        driver.manage().getCookies().forEach(c -> assertThat(c.getValue()).as(name + ": cookie " + c.getName())
                .doesNotContain("eyJ"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
