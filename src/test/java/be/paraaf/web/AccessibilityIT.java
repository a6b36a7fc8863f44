package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoStaff;
import be.paraaf.support.Browser;
import be.paraaf.support.DemoData;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.StaffClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page, in each language, passes axe-core's WCAG 2.1 A and AA rules in headless Chromium: labels, names
 * of buttons and links, colour contrast, document language, landmarks and headings. axe finds what a machine
 * can find (roughly a third of WCAG); keyboard use is exercised by the page tests themselves.
 */
class AccessibilityIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    static final String AXE = axeScript();

    static Stream<Arguments> pages() {
        return Stream.of("nl", "fr", "en").flatMap(language -> Stream.of("/", "/verify.html", "/agency.html",
                "/itsme-app.html", "/citizen.html", "/downloads.html", "/dashboard.html", "DASHBOARD_HOME", "SIGNER",
                "SIGNER_ZOOMED", "AGENCY_FILLED")
                .map(page -> Arguments.of(page, language)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pages")
    void pageHasNoWcagViolations(String page, String language) {
        WebDriver driver = BROWSER.driver();
        String path = page.startsWith("SIGNER") ? "/sign.html?token=" + signerToken()
                : page.equals("AGENCY_FILLED") ? "/agency.html" : page.equals("DASHBOARD_HOME") ? "/dashboard.html"
                : page;
        if (page.equals("DASHBOARD_HOME")) {
            // an admin's staff session (cookie as the login sets it), with one request to list and open
            signerToken();
            driver.get(CLIENT.baseUrl() + "/dashboard.html");
            String cookie = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN).cookie();
            driver.manage().addCookie(new Cookie.Builder("paraaf_staff", cookie.substring(cookie.indexOf('=') + 1))
                    .path("/").isHttpOnly(true).sameSite("Strict").build());
        }
        try {
            check(driver, page, path, language);
        } finally {
            driver.manage().deleteCookieNamed("paraaf_staff");
        }
    }

    private void check(WebDriver driver, String page, String path, String language) {
        driver.get(CLIENT.baseUrl() + path + (path.contains("?") ? "&" : "?") + "lang=" + language);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.tagName("html"),
                "lang", language));
        if (page.startsWith("SIGNER")) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("request")));
        }
        if (page.equals("/dashboard.html")) {
            // logged out: the script shows the login once the service said there is no staff session
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("itsme-login")));
        }
        if (page.equals("DASHBOARD_HOME")) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#requests tbody tr button.open"))).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                    By.cssSelector("#timeline li")).isEmpty() && !d.findElements(By.cssSelector("#members li"))
                    .isEmpty());
        }
        if (page.equals("SIGNER_ZOOMED")) {
            driver.findElement(By.id("zoom-in")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("zoom-level"),
                    "150 %"));
        }
        if (page.equals("AGENCY_FILLED")) {
            // the tenants' rows are made by the script: their labels too, in the page's language
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("api-key"),
                    "value", be.paraaf.demo.DemoClients.WOONPUNT_KEY));
            driver.findElement(By.id("sample")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("#tenants .tenant")).size() == 2);
        }
        assertThat(violations(driver)).as("WCAG 2.1 A/AA violations on " + path + " (" + language + ")").isEmpty();
    }

    /** The harness can fail: a field without a label and grey-on-white text are found. */
    @Test
    void axeFindsAnUnlabelledFieldAndPoorContrast() {
        WebDriver driver = BROWSER.driver();
        driver.get(CLIENT.baseUrl() + "/?lang=nl");
        ((JavascriptExecutor) driver).executeScript("""
                const main = document.querySelector('main');
                main.append(Object.assign(document.createElement('input'), { type: 'text' }));
                const faint = Object.assign(document.createElement('p'), { textContent: 'hardly readable' });
                faint.style.color = '#bbbbbb';
                main.append(faint);""");
        assertThat(violations(driver)).extracting(violation -> violation.get("id"))
                .contains("label", "color-contrast");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AXE);
        return (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(result => done(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary).slice(0, 5) }))))
                  .catch(error => done([{ id: 'axe-error', help: String(error) }]));""");
    }

    /** A started request's signer link, made once (the signer page shows a document only through a link). */
    private static String signerToken() {
        if (signerToken == null) {
            signerToken = DemoData.startedRequest(CLIENT, "Ilse Smet", "85073003328", "EITHER").token();
        }
        return signerToken;
    }

    private static String signerToken;

    private static String axeScript() {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
