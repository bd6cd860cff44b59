package uk.orderwatch.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.LocalStackMain;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.localstack.StackConfig;
import uk.orderwatch.schemas.events.Court;

/**
 * The portal in a real browser against the whole system (the packaged jars as processes, the identity server, the
 * in-process Kafka broker and Mongo server): police, probation and the advocate do their work through the pages
 * only, each in their own browser; every page passes axe-core for WCAG 2.2 A and AA; the journey also works with
 * the keyboard alone; and the session is as safe as the issue asks (CSRF, another force's order, cookie flags, no
 * token in the browser). Screenshots of the main pages go to target/portal-screenshots, and to doc/screenshots
 * with -Dorderwatch.update-screenshots=true.
 */
class PortalJourneyIT {

    static final String PROTECTED_NAME = "Jane Protected";
    static final String PROTECTED_ADDRESS = "1 Safe House Lane";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @TempDir
    static Path dataDir;
    static LocalStack stack;
    static String portal;

    @TempDir
    Path profiles;
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        Path repoRoot = Path.of(System.getProperty("orderwatch.repo-root", "../.."));
        stack = new LocalStack(StackConfig.ephemeral(dataDir, StackConfig.builtJars(repoRoot,
                LocalStackMain.version()))).start();
        portal = stack.config().baseUrl(ServiceName.PORTAL);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    Browser browser(String name) {
        var browser = new Browser(name, portal, profiles.resolve(name), violations);
        browsers.add(browser);
        return browser;
    }

    /** A subject name no other test uses, so each test finds its own order and alerts. */
    static String subject() {
        return "John Example-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }

    static void date(Browser b, String name, ZonedDateTime at) {
        b.type(name + "Day", String.valueOf(at.getDayOfMonth())).type(name + "Month",
                String.valueOf(at.getMonthValue())).type(name + "Year", String.valueOf(at.getYear()));
    }

    /** Police register an SPO with a no-contact prohibition and a programme requirement; answers its page. */
    static String register(Browser police, String subject) {
        ZonedDateTime made = ZonedDateTime.now(Court.ZONE).minusDays(7);
        police.open("/orders/new");
        police.choose("type", "SPO").type("courtName", "Oxford Magistrates Court").type("courtCode", "B43KQ")
                .type("courtCaseReference", "43KQ" + System.nanoTime());
        date(police, "madeOn", made);
        date(police, "endsOn", made.plusYears(3));
        police.type("subjectName", subject).type("subjectCrn", "X123456").type("personName", PROTECTED_NAME)
                .type("personAddress", PROTECTED_ADDRESS).select("advocacy", "demo-advocacy/demo-caseworker")
                .select("c1Category", "NO_CONTACT").type("c1Description", "No contact with the protected person")
                .select("c2Category", "PROGRAMME").type("c2Description", "Attend a stalking perpetrator programme")
                .type("programmeName", "Stalking Perpetrator Programme").type("programmeProvider", "Demo Interventions")
                .type("programmeSessions", "12").select("probation", "demo-probation/demo-practitioner");
        police.press("Register the order");
        assertThat(police.text()).contains("Order registered", subject);
        return police.url().replaceFirst("^https?://[^/]+", "");
    }

    /** Opens the alert inbox in a second tab that stays there, connected live, and marks the page to tell a reload. */
    static String liveInbox(Browser b) {
        String work = b.driver.getWindowHandle();
        b.driver.switchTo().newWindow(WindowType.TAB);
        b.open("/alerts");
        new WebDriverWait(b.driver, Browser.WAIT).until(d -> "ready".equals(b.script(
                "return document.getElementById('live-alerts').dataset.live")));
        b.script("window.sameDocument = 'not reloaded'");
        String inbox = b.driver.getWindowHandle();
        b.driver.switchTo().window(work);
        return inbox;
    }

    /**
     * Waits, in the inbox tab, for a new alert whose row contains all of {@code words}, arrived without a reload;
     * then goes back to the tab the person was working in.
     */
    static void awaitLive(Browser b, String inbox, String... words) {
        String work = b.driver.getWindowHandle();
        b.driver.switchTo().window(inbox);
        new WebDriverWait(b.driver, Browser.WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(
                By.cssSelector("#inbox-rows tr")).stream().filter(r -> List.of(words).stream()
                .allMatch(w -> r.getText().contains(w))).findFirst().orElse(null));
        assertThat(b.script("return window.sameDocument")).as(b.name + ": the inbox was not reloaded")
                .isEqualTo("not reloaded");
        assertThat(String.valueOf(b.script("return document.getElementById('live-announcer').textContent")))
                .as(b.name + ": announced to screen readers").startsWith("New ");
        b.driver.switchTo().window(work);
    }

    @Test
    void policeProbationAndTheAdvocateDoTheirWorkThroughThePagesAndSeeAlertsLive() throws Exception {
        String subject = subject();
        Browser police = browser("police").signIn("alex.morgan");
        assertThat(police.heading()).isEqualTo("Orders");
        shot(police, "orders");
        police.open("/orders/new").press("Register the order");
        assertThat(police.text()).contains("There is a problem", "Select the type of order",
                "Enter the subject’s full name");
        shot(police, "register-an-order-errors");
        String order = register(police, subject);

        Browser advocate = browser("advocate").signIn("jo.evans");
        assertThat(advocate.heading()).isEqualTo("Alerts");
        assertThat(advocate.text()).contains("No alerts.").doesNotContain(subject);
        String advocateInbox = liveInbox(advocate);

        ZonedDateTime now = ZonedDateTime.now(Court.ZONE);
        police.open(order).press("Record service");
        date(police, "served", now.minusHours(2));
        police.type("servedTime", TIME.format(now.minusHours(2))).press("Save");
        assertThat(police.text()).contains("Service recorded", "Served");
        awaitLive(advocate, advocateInbox, "Order served", subject);

        String officerInbox = liveInbox(police);
        Browser probation = browser("probation").signIn("priya.shah");
        assertThat(probation.heading()).isEqualTo("Caseload");
        String practitionerInbox = liveInbox(probation);

        advocate.open(order).press("Report a breach");
        advocate.choose("conditionId", "c1");
        date(advocate, "occurred", now.minusHours(1));
        advocate.type("occurredTime", TIME.format(now.minusHours(1)))
                .type("description", "Sent six messages from a new social media account");
        shot(advocate, "report-a-breach");
        advocate.press("Report the breach");
        assertThat(advocate.text()).contains("Breach reported");

        probation.open(order);
        shot(probation, "order-as-probation");
        probation.press("Record a session that was not planned").choose("conditionId", "c2");
        date(probation, "session", now.minusHours(3));
        probation.type("sessionTime", TIME.format(now.minusHours(3))).choose("didSessionHappen", "true")
                .choose("attended", "NO");
        shot(probation, "record-a-session-outcome");
        probation.press("Save the outcome");
        assertThat(probation.text()).contains("Session outcome recorded", "Missed");

        // each of the three sees both alerts appear in the inbox they left open
        for (var inbox : List.of(new Object[] {police, officerInbox}, new Object[] {probation, practitionerInbox},
                new Object[] {advocate, advocateInbox})) {
            Browser b = (Browser) inbox[0];
            awaitLive(b, (String) inbox[1], "Breach reported: No contact with the protected person", subject);
            awaitLive(b, (String) inbox[1], "Programme session missed", subject);
        }
        police.driver.switchTo().window(officerInbox);
        shot(police, "alerts-live");
        police.driver.findElement(By.xpath("//tbody[@id='inbox-rows']//a[contains(., 'Breach reported') and "
                + "contains(., '" + subject + "')]")).click();
        police.checked();
        assertThat(police.heading()).startsWith("Breach reported");
        police.type("note", "Arrest planned for tonight");
        shot(police, "an-alert");
        police.press("Acknowledge the alert");
        assertThat(police.text()).contains("Alert acknowledged", "Arrest planned for tonight");

        police.open(order);
        assertThat(police.text()).contains(PROTECTED_NAME, PROTECTED_ADDRESS, "Breach reported", "Alert acknowledged");
        shot(police, "an-order");
        probation.open("/caseload");
        shot(probation, "caseload");
        assertThat(probation.sources()).as("probation's pages never show the protected person")
                .noneMatch(s -> s.contains(PROTECTED_NAME) || s.contains(PROTECTED_ADDRESS));

        Browser supervisor = browser("supervisor").signIn("chris.doyle");
        supervisor.open("/team-alerts");
        assertThat(supervisor.text()).contains("Team alerts not acknowledged", subject);
        shot(supervisor, "team-alerts");
        Browser admin = browser("admin").signIn("admin");
        assertThat(admin.heading()).isEqualTo("Agency directory");
        shot(admin, "agency-directory");
        admin.open("/admin/audit?recordId=" + order.substring("/orders/".length()));
        assertThat(admin.text()).contains("Disclosure", "Read").doesNotContain(subject, PROTECTED_NAME);
        shot(admin, "audit-log");
        admin.open("/admin/dead-letters");

        for (Browser b : browsers) {
            b.assertNoTokenInBrowser();
        }
        assertThat(violations).as("WCAG 2.2 A and AA violations found by axe-core").isEmpty();
    }

    @Test
    void theAdvocateReportsABreachAndTheOfficerAcknowledgesWithTheKeyboardOnly() {
        String subject = subject();
        Browser police = browser("police").signIn("alex.morgan");
        String order = register(police, subject);
        ZonedDateTime now = ZonedDateTime.now(Court.ZONE);
        police.open(order).press("Record service");
        date(police, "served", now.minusHours(2));
        police.type("servedTime", TIME.format(now.minusHours(2))).press("Save");

        Browser advocate = browser("advocate");
        Keyboard keys = new Keyboard(advocate);
        advocate.driver.get(portal + "/");
        advocate.waitFor(By.name("username"));
        keys.tabTo("username").typeText("jo.evans").tabTo("password").typeText("orderwatch-demo").press(Keys.ENTER);
        advocate.waitFor(By.cssSelector(".ow-account"));
        keys.tabToLink("Orders").press(Keys.ENTER).tabToLink(subject).press(Keys.ENTER)
                .tabToLink("Report a breach").press(Keys.ENTER);
        assertThat(advocate.checked().heading()).isEqualTo("Report a breach");
        keys.tabTo("conditionId-0").press(Keys.SPACE)
                .tabTo("occurredDay").typeText(String.valueOf(now.getDayOfMonth()))
                .tabTo("occurredMonth").typeText(String.valueOf(now.getMonthValue()))
                .tabTo("occurredYear").typeText(String.valueOf(now.getYear()))
                .tabTo("occurredTime").typeText(TIME.format(now.minusMinutes(30)))
                .tabTo("description").typeText("Followed her to work")
                .tabToButton("Report the breach").press(Keys.ENTER);
        advocate.awaitText("Breach reported.");

        keys = new Keyboard(police);
        police.open("/alerts");
        keys.tabToLink("Breach reported: No contact with the protected person, " + subject).press(Keys.ENTER);
        assertThat(police.checked().heading()).startsWith("Breach reported");
        keys.tabTo("note").typeText("Seen by keyboard").tabToButton("Acknowledge the alert").press(Keys.ENTER);
        police.awaitText("Alert acknowledged");
        assertThat(violations).as("WCAG 2.2 A and AA violations found by axe-core").isEmpty();
    }

    @Test
    void theSessionIsSafeFormsNeedTheirTokenAndAnotherForcesOrderIsNotFound() throws Exception {
        String subject = subject();
        Browser police = browser("police").signIn("alex.morgan");
        String order = register(police, subject);

        var cookie = police.driver.manage().getCookieNamed("orderwatch-portal");
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.isSecure()).as("Secure").isTrue();
        assertThat(cookie.getSameSite()).as("SameSite").isEqualTo("Lax");
        assertThat(police.driver.manage().getCookies()).as("the portal's session and the identity server's only")
                .extracting(org.openqa.selenium.Cookie::getName).containsOnly("orderwatch-portal", "JSESSIONID");

        // the same session, a form sent without its CSRF token: refused, nothing changed
        var jar = new CookieManager();
        var sessionCookie = new HttpCookie(cookie.getName(), cookie.getValue());
        sessionCookie.setPath("/");
        jar.getCookieStore().add(URI.create(portal), sessionCookie);
        var http = HttpClient.newBuilder().cookieHandler(jar).build();
        var forged = http.send(HttpRequest.newBuilder(URI.create(portal + order + "/discharge"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("dischargedOnDay=1&dischargedOnMonth=1&dischargedOnYear="
                        + ZonedDateTime.now(Court.ZONE).getYear() + "&reason=forged")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a form without its CSRF token").isEqualTo(403);
        assertThat(police.open(order).text()).contains("Granted, not yet served").doesNotContain("Discharged");

        Browser otherForce = browser("other-force").signIn("kim.reed");
        otherForce.open(order);
        String hidden = otherForce.driver.findElement(By.tagName("main")).getText();
        otherForce.open("/orders/" + java.util.UUID.randomUUID());
        String missing = otherForce.driver.findElement(By.tagName("main")).getText();
        assertThat(hidden).as("another force's order reads exactly as a missing one").isEqualTo(missing)
                .contains("Page not found").doesNotContain(subject);

        police.open("/alerts");
        police.driver.findElement(By.xpath("//button[normalize-space(.)='Sign out']")).click();
        police.awaitText("You have signed out");
        police.driver.get(portal + order);
        new WebDriverWait(police.driver, Browser.WAIT).until(d -> !d.findElements(By.name("username")).isEmpty());
        assertThat(police.url()).as("signed out here and at the identity server: asked to sign in again")
                .doesNotStartWith(portal);
        for (Browser b : browsers) {
            b.assertNoTokenInBrowser();
        }
        assertThat(violations).as("WCAG 2.2 A and AA violations found by axe-core").isEmpty();
    }

    /** Saves a screenshot of the page for the README (target/portal-screenshots; doc/screenshots on request). */
    static void shot(Browser b, String name) throws java.io.IOException {
        Path file = Path.of("target", "portal-screenshots", name + ".png");
        b.screenshot(file);
        if (Boolean.getBoolean("orderwatch.update-screenshots")) {
            Path doc = Path.of(System.getProperty("orderwatch.repo-root", "../..")).resolve("doc/screenshots");
            Files.createDirectories(doc);
            Files.copy(file, doc.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A person using the keyboard only: Tab to move, typing, Space and Enter to act. */
    static final class Keyboard {

        private static final int MAX_TABS = 150;
        private final Browser browser;

        Keyboard(Browser browser) {
            this.browser = browser;
        }

        private WebElement focused() {
            return browser.driver.switchTo().activeElement();
        }

        private Keyboard tabUntil(java.util.function.Predicate<WebElement> target, String what) {
            for (int i = 0; i < MAX_TABS; i++) {
                new Actions(browser.driver).sendKeys(Keys.TAB).perform();
                if (target.test(focused())) {
                    return this;
                }
            }
            throw new AssertionError("Tab never reached " + what + " on " + browser.url());
        }

        Keyboard tabTo(String idOrName) {
            return tabUntil(e -> idOrName.equals(e.getAttribute("id")) || idOrName.equals(e.getAttribute("name")),
                    idOrName);
        }

        Keyboard tabToLink(String text) {
            return tabUntil(e -> "a".equals(e.getTagName()) && e.getText().trim().equals(text), "link " + text);
        }

        Keyboard tabToButton(String text) {
            return tabUntil(e -> "button".equals(e.getTagName()) && e.getText().trim().equals(text),
                    "button " + text);
        }

        Keyboard typeText(String text) {
            new Actions(browser.driver).sendKeys(text).perform();
            return this;
        }

        Keyboard press(Keys key) {
            WebElement page = browser.driver.findElement(By.tagName("html"));
            new Actions(browser.driver).sendKeys(key).perform();
            if (key == Keys.ENTER) {
                new WebDriverWait(browser.driver, Browser.WAIT).until(d -> {
                    try {
                        page.isDisplayed();
                        return false;
                    } catch (org.openqa.selenium.StaleElementReferenceException e) {
                        return true;
                    }
                });
            }
            return this;
        }
    }
}
