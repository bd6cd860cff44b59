package uk.orderwatch.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.schemas.events.Court;

/**
 * The portal in a real browser against the whole system (the packaged jars as processes, the identity server, the
 * in-process Kafka broker and Mongo server): police, probation and the advocate do their work through the pages
 * only, each in their own browser, and see their alerts arrive live; the alert email leads to the alert's page;
 * every page passes axe-core for WCAG 2.2 A and AA; the journey also works with the keyboard alone; and the session
 * is safe (a form without its CSRF token, another force's order, the cookie's flags, sign-out, no token in the
 * browser). Screenshots of the main pages go to target/portal-screenshots, and to doc/screenshots
 * with -Dorderwatch.update-screenshots=true.
 */
@org.junit.jupiter.api.extension.ExtendWith(uk.orderwatch.e2e.SharedLocalStack.class)
class PortalJourneyIT {

    static final String PROTECTED_NAME = "Jane Protected";
    static final String PROTECTED_ADDRESS = "1 Safe House Lane";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static LocalStack stack;
    static String portal;

    @TempDir
    Path profiles;
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<Browser> browsers = new ArrayList<>();

    /** The stack the API scenarios use too ({@link uk.orderwatch.e2e.SharedLocalStack}). */
    @BeforeAll
    static void start(LocalStack shared) {
        stack = shared;
        portal = stack.config().baseUrl(ServiceName.PORTAL);
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
        new WebDriverWait(b.driver, Browser.WAIT).ignoring(StaleElementReferenceException.class)
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
        advocate.awaitText("New order: stalking protection order granted, " + subject);
        assertThat(advocate.text()).doesNotContain("Order served on the subject, " + subject);
        String advocateInbox = liveInbox(advocate);

        ZonedDateTime now = ZonedDateTime.now(Court.ZONE);
        police.open(order).press("Record service");
        date(police, "served", now.minusHours(2));
        police.type("servedTime", TIME.format(now.minusHours(2))).press("Save");
        assertThat(police.text()).contains("Service recorded", "Served");
        awaitLive(advocate, advocateInbox, "Order served on the subject", subject);

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
        String emailed = await().atMost(Duration.ofSeconds(30))
                .until(() -> emailedLink("alex.morgan@police.orderwatch.test", "Breach reported", subject),
                        Objects::nonNull);
        assertThat(emailed).as("the alert email links to the alert's page").startsWith(portal + "/alerts/");
        police.open(emailed.substring(portal.length()));
        assertThat(police.heading()).startsWith("Breach reported");

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

        police.open("/duty");
        assertThat(police.text()).contains("Duty sergeants", "On duty now", "every day 08:00 to 20:00",
                "the 24/7 fallback, Force control room");
        shot(police, "on-duty");
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
        // the practitioner has not taken the breach on: the senior practitioner hands it to the duty officer
        supervisor.driver.findElement(By.xpath("//a[contains(., 'Breach reported') and contains(., '" + subject
                + "')]")).click();
        supervisor.checked();
        assertThat(supervisor.text()).contains("Act for your team", "I am taking it over",
                "Or hand it to a colleague");
        supervisor.select("personId", "demo-probation-duty");
        shot(supervisor, "a-team-members-alert");
        supervisor.press("Hand it to them");
        assertThat(supervisor.text()).contains("Handed to Morgan Lee",
                "went on to someone else, who has an alert of their own");
        advocate.open("/alert-settings");
        assertThat(advocate.text()).contains("How you are alerted", "every channel is tried at once",
                "The directory has for you: email jo.evans@advocacy.orderwatch.test; no mobile number");
        advocate.type("quietFrom", "22:00").type("quietTo", "07:00");
        shot(advocate, "how-you-are-alerted");
        advocate.press("Save how you are alerted");
        assertThat(advocate.text()).contains("Saved. Alerts reach you this way from now on.");
        supervisor.open("/reports");
        assertThat(supervisor.text()).contains("Counts for your agency only.", "Orders by status",
                "Alerts and how quickly they were acknowledged").doesNotContain(subject, PROTECTED_NAME);
        shot(supervisor, "reports");
        Browser admin = browser("admin").signIn("admin");
        assertThat(admin.heading()).isEqualTo("Agency directory");
        shot(admin, "agency-directory");
        admin.open("/admin/audit?recordId=" + order.substring("/orders/".length()));
        assertThat(admin.text()).contains("Disclosure", "Read").doesNotContain(subject, PROTECTED_NAME);
        shot(admin, "audit-log");
        admin.open("/admin/dead-letters");
        assertThat(admin.open("/admin/directory/demo-advocacy").heading())
                .isEqualTo("Change Demo Stalking Advocacy Service");
        shot(admin, "change-an-agency");

        for (Browser b : browsers) {
            b.assertNoTokenInBrowser();
        }
        assertThat(violations).as("WCAG 2.2 A and AA violations found by axe-core").isEmpty();
    }

    @Test
    void aCaseIsKeptCurrentWithoutACourtAndEachPersonIsToldInTheirOwnWords() throws Exception {
        String subject = subject();
        Browser police = browser("police").signIn("alex.morgan");
        String order = register(police, subject);

        Browser supervisor = browser("probation supervisor").signIn("chris.doyle");
        supervisor.open(order).press("Reassign the case");
        assertThat(supervisor.text()).contains("The court’s order does not change")
                .as("a probation supervisor reallocates within their own unit").doesNotContain("Officer in charge:");
        supervisor.select("assignee", "PROBATION|demo-probation/demo-senior-practitioner");
        shot(supervisor, "reassign-the-case");
        supervisor.press("Reassign");
        assertThat(supervisor.text()).contains("Case reassigned", "Probation practitioner", "Chris Doyle");

        police.open(order).press("Add a protected person");
        police.type("name", "Sam Second").type("address", "4 Other Road").select("advocatePersonId",
                "demo-caseworker");
        police.press("Save");
        assertThat(police.text()).contains("Protected person added", "Sam Second", "4 Other Road");

        Browser advocate = browser("advocate").signIn("jo.evans");
        advocate.open(order).press("Change the details of " + PROTECTED_NAME);
        advocate.type("phone", "07700900123");
        shot(advocate, "change-a-protected-persons-details");
        advocate.press("Save");
        assertThat(advocate.text()).contains("Details updated", "07700900123");

        supervisor.open("/alerts");
        assertThat(supervisor.awaitText("Case reassigned: you are now the probation practitioner, " + subject)
                .text()).doesNotContain("Order varied by the court, " + subject);
        police.open("/alerts");
        police.awaitText("A protected person's details changed, " + subject);
        police.open(order);
        assertThat(police.text()).contains("Case reassigned", "Probation practitioner: now Chris Doyle",
                "Protected person added", "Protected person’s details changed", "07700900123");
        supervisor.open(order);
        assertThat(supervisor.text()).doesNotContain("Sam Second", "Protected person");

        // the breach's life after its report: the police take it to a charge, and both are told in their words
        ZonedDateTime now = ZonedDateTime.now(Court.ZONE);
        police.open(order).press("Report a breach");
        police.choose("conditionId", "c1");
        date(police, "occurred", now.minusHours(3));
        police.type("occurredTime", TIME.format(now.minusHours(3))).type("description", "Sent messages again");
        police.press("Report the breach");
        police.driver.findElement(By.partialLinkText("Record what happened next")).click();
        police.waitFor(By.id("atTime"));
        police.checked();
        police.choose("step", "CHARGED");
        date(police, "at", now.minusMinutes(30));
        police.type("atTime", TIME.format(now.minusMinutes(30)));
        shot(police, "record-what-happened-after-a-breach");
        police.press("Save");
        assertThat(police.text()).contains("Recorded", "Charged");
        advocate.open("/alerts").awaitText("Police update on a reported breach: charged, " + subject);
        supervisor.open("/alerts").awaitText("Police update on a reported breach: charged, " + subject);

        // a force's existing order brought in from a file: nobody is alerted of it alone, each person is told once
        var file = java.nio.file.Files.createTempFile(profiles, "orders", ".json");
        var existing = uk.orderwatch.localstack.DemoData.order("2 Imported Road", "07700900321");
        ((tools.jackson.databind.node.ObjectNode) existing.get("subject")).put("name", subject + " Imported");
        var body = uk.orderwatch.localstack.DemoData.JSON.createObjectNode();
        body.putArray("orders").addObject().put("servedAt", now.minusDays(5).toInstant().toString())
                .set("order", existing);
        java.nio.file.Files.writeString(file, body.toString());
        police.open("/orders/imports/new");
        police.driver.findElement(By.id("file")).sendKeys(file.toString());
        shot(police, "bring-in-existing-orders");
        police.press("Check and bring in");
        assertThat(police.text()).contains("1 order brought in");
        advocate.open("/alerts").awaitText("Orders brought into orderwatch: 1 for you");

        supervisor.open(order + "/enforcement");
        assertThat(supervisor.text()).contains("Stalking Perpetrator Programme", "No review has been needed.");
        shot(supervisor, "enforcement");
        assertThat(violations).as("WCAG 2.2 A and AA violations found by axe-core").isEmpty();
    }

    @Test
    void theWholeJourneyWithTheKeyboardAlone() {
        String subject = subject();
        ZonedDateTime now = ZonedDateTime.now(Court.ZONE);
        ZonedDateTime made = now.minusDays(7);
        Browser police = browser("police");
        Keyboard keys = new Keyboard(police).signIn("alex.morgan");
        keys.tabToLink("Register an order").press(Keys.ENTER);
        keys.chooseRadio("type", 0)
                .tabTo("courtName").typeText("Oxford Magistrates Court").tabTo("courtCode").typeText("B43KQ")
                .tabTo("courtCaseReference").typeText("43KQ" + System.nanoTime())
                .date("madeOn", made).date("endsOn", made.plusYears(3))
                .tabTo("subjectName").typeText(subject).tabTo("personName").typeText(PROTECTED_NAME)
                .selectOption("advocacy", "Jo")
                .selectByArrows("c1Category", 1).tabTo("c1Description").typeText("No contact by any means")
                .selectByArrows("c2Category", 5).tabTo("c2Description").typeText("Attend a programme")
                .tabTo("programmeName").typeText("Stalking Perpetrator Programme")
                .tabTo("programmeProvider").typeText("Demo Interventions").tabTo("programmeSessions").typeText("12")
                .selectOption("probation", "Priya");
        assertThat(List.of("advocacy", "c1Category", "c2Category", "probation").stream().map(id -> new Select(
                police.driver.findElement(By.id(id))).getFirstSelectedOption().getText()).toList())
                .as("what the keyboard chose").containsExactly(
                        "Jo Evans, Independent Stalking Advocacy Caseworker (Demo Stalking Advocacy Service)",
                        "No contact with the protected person", "Attend a programme",
                        "Priya Shah, Probation practitioner (Demo Probation Delivery Unit)");
        keys.tabToButton("Register the order").press(Keys.ENTER);
        police.awaitText("Order registered");
        String order = police.checked().url().replaceFirst("^https?://[^/]+", "");
        keys.tabToLink("Record service").press(Keys.ENTER)
                .date("served", now.minusHours(2)).tabTo("servedTime").typeText(TIME.format(now.minusHours(2)))
                .tabToButton("Save").press(Keys.ENTER);
        police.awaitText("Service recorded");

        Browser advocate = browser("advocate");
        keys = new Keyboard(advocate).signIn("jo.evans");
        keys.tabToLink("Orders").press(Keys.ENTER).tabToLink(subject).press(Keys.ENTER)
                .tabToLink("Report a breach").press(Keys.ENTER);
        assertThat(advocate.checked().heading()).isEqualTo("Report a breach");
        keys.chooseRadio("conditionId", 0).date("occurred", now.minusMinutes(30))
                .tabTo("occurredTime").typeText(TIME.format(now.minusMinutes(30)))
                .tabTo("description").typeText("Followed her to work")
                .tabToButton("Report the breach").press(Keys.ENTER);
        advocate.awaitText("Breach reported.");

        Browser probation = browser("probation");
        keys = new Keyboard(probation).signIn("priya.shah");
        keys.tabToLink(subject).press(Keys.ENTER).tabToLink("Record a session that was not planned").press(Keys.ENTER)
                .chooseRadio("conditionId", 0).date("session", now.minusHours(3))
                .tabTo("sessionTime").typeText(TIME.format(now.minusHours(3)))
                .chooseRadio("didSessionHappen", 0).chooseRadio("attended", 2)
                .tabToButton("Save the outcome").press(Keys.ENTER);
        probation.awaitText("Session outcome recorded");
        assertThat(probation.checked().text()).contains("Missed");

        keys = new Keyboard(police);
        keys.tabToLink("Alerts").press(Keys.ENTER)
                .tabToLink("Breach reported: No contact with the protected person, " + subject).press(Keys.ENTER);
        assertThat(police.checked().heading()).startsWith("Breach reported");
        keys.tabTo("note").typeText("Seen by keyboard").tabToButton("Acknowledge the alert").press(Keys.ENTER);
        police.awaitText("Alert acknowledged");
        police.open(order);
        assertThat(police.text()).contains("Alert acknowledged", "recorded: missed", "Breach reported");
        assertThat(violations).as("WCAG 2.2 A and AA violations found by axe-core").isEmpty();
    }

    @Test
    void theFormsWorkWithoutJavaScript() {
        String subject = subject();
        Browser police = browser("police");
        register(police.signIn("alex.morgan"), subject);
        Browser advocate = new Browser("advocate-no-script", portal, profiles.resolve("no-script"), violations, false);
        browsers.add(advocate);
        advocate.signIn("jo.evans");
        assertThat(advocate.driver.findElement(By.tagName("body")).getAttribute("class"))
                .as("the portal's script did not run").doesNotContain("js-enabled");
        ZonedDateTime now = ZonedDateTime.now(Court.ZONE);
        advocate.open("/orders").press(subject).press("Report a breach").choose("conditionId", "c1");
        date(advocate, "occurred", now.minusMinutes(20));
        advocate.type("occurredTime", TIME.format(now.minusMinutes(20))).press("Report the breach");
        assertThat(advocate.text()).contains("There is a problem", "Enter what happened");
        advocate.type("description", "Phoned from a withheld number").press("Report the breach");
        assertThat(advocate.text()).contains("Breach reported.");
        assertThat(advocate.open("/alerts?show=unacknowledged").text()).contains("Alerts not acknowledged");
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
                .extracting(Cookie::getName).containsOnly("orderwatch-portal", "JSESSIONID");

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
        otherForce.open("/orders/" + UUID.randomUUID());
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

    /** The link in the email of an alert to {@code to} whose subject names both, or null while none came. */
    static String emailedLink(String to, String what, String subject) throws Exception {
        for (var mail : stack.mail().getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().equals(to) && mail.getSubject().contains(what)
                    && mail.getSubject().contains(subject)) {
                var link = Pattern.compile("orderwatch: (http\\S+)").matcher(
                        String.valueOf(mail.getContent()));
                return link.find() ? link.group(1) : null;
            }
        }
        return null;
    }

    /** Saves a screenshot of the page for the README (target/portal-screenshots; doc/screenshots on request). */
    static void shot(Browser b, String name) throws IOException {
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

        private Keyboard tabUntil(Predicate<WebElement> target, String what) {
            for (int i = 0; i < MAX_TABS; i++) {
                new Actions(browser.driver).sendKeys(Keys.TAB).perform();
                if (target.test(focused())) {
                    return this;
                }
            }
            throw new AssertionError("Tab never reached " + what + " on " + browser.url());
        }

        /** The field, if it has the focus already (autofocus), or else Tab to it. */
        Keyboard focus(String idOrName) {
            WebElement now = focused();
            return idOrName.equals(now.getAttribute("id")) || idOrName.equals(now.getAttribute("name")) ? this
                    : tabTo(idOrName);
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

        /** Signs in at the identity server's page by typing, and waits for the role's start page. */
        Keyboard signIn(String username) {
            browser.driver.get(portal + "/");
            browser.waitFor(By.name("username"));
            focus("username").typeText(username).tabTo("password").typeText("orderwatch-demo").press(Keys.ENTER);
            browser.waitFor(By.cssSelector(".ow-account"));
            browser.checked();
            return this;
        }

        /** Tab into a radio group (its first option), then the arrow keys to the option wanted; Space checks it. */
        Keyboard chooseRadio(String name, int index) {
            tabTo(name + "-0");
            for (int i = 0; i < index; i++) {
                new Actions(browser.driver).sendKeys(Keys.ARROW_DOWN).perform();
            }
            return press(Keys.SPACE);
        }

        /** Tab to a list and type the start of the option's words, as people pick from a list by keyboard. */
        Keyboard selectOption(String id, String start) {
            return tabTo(id).typeText(start);
        }

        /** Tab to a list and move down it with the arrow keys. */
        Keyboard selectByArrows(String id, int downs) {
            tabTo(id);
            for (int i = 0; i < downs; i++) {
                new Actions(browser.driver).sendKeys(Keys.ARROW_DOWN).perform();
            }
            return this;
        }

        Keyboard date(String name, ZonedDateTime at) {
            return tabTo(name + "Day").typeText(String.valueOf(at.getDayOfMonth()))
                    .tabTo(name + "Month").typeText(String.valueOf(at.getMonthValue()))
                    .tabTo(name + "Year").typeText(String.valueOf(at.getYear()));
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
                    } catch (StaleElementReferenceException e) {
                        return true;
                    }
                });
            }
            return this;
        }
    }
}
