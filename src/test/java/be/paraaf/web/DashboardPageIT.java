package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoStaff;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Browser;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.StaffClient;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard in headless Chromium: a clerk (added by the demo admin) logs in with itsme, bulk-sends two leases
 * from a CSV, finds them on the dashboard, gives the tenant a new link; the tenant signs with itsme on the signer
 * page; the dashboard shows the progress; the clerk signs for the agency, sees the lease COMPLETED and downloads the
 * completion certificate with the session. axe-core finds no WCAG violation, logged out or in.
 */
class DashboardPageIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "13579";

    @TempDir
    Path dir;

    @Test
    void clerkBulkSendsTwoLeasesFollowsTheSigningAndDownloadsTheCertificate() throws IOException {
        String clerk = newNumber();
        ItsmeApp clerkApp = itsmeAccount(clerk, "Clara", "Klerk", "clerk");
        StaffClient admin = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        HttpResponse<byte[]> added = admin.send("PUT", "/api/staff/members",
                "{\"nationalRegisterNumber\":\"" + clerk + "\",\"role\":\"clerk\"}");
        assertThat(added.statusCode()).as(TwoStepFlow.body(added)).isEqualTo(200);
        String tenant = newNumber();
        ItsmeApp tenantApp = itsmeAccount(tenant, "Tom", "Huurder", "tenant");

        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/dashboard.html?lang=nl");
        waitFor(page, By.id("itsme-login-submit"));
        assertThat(AccessibilityIT.violations(page)).as("axe, logged out").isEmpty();
        page.findElement(By.id("nrn")).sendKeys(NationalRegisterNumber.parse(clerk).formatted());
        page.findElement(By.id("itsme-login-submit")).click();
        String shown = waitFor(page, By.id("login-code")).getText();
        ItsmeApp.Pending login = clerkApp.pending(10).get(0);
        assertThat(login.verificationCode()).isEqualTo(shown);
        clerkApp.approve(login.consentId(), CODE);
        assertThat(waitFor(page, By.id("who")).getText()).contains("Woonpunt Demo", clerk.substring(7), "medewerker");
        assertThat(page.findElement(By.id("admin")).isDisplayed()).isFalse();

        // bulk send: the agency and dwelling in common, one tenant per row, the clerk signs for the agency
        String tag = "Lease" + RANDOM.nextInt(1_000_000);
        String other = newNumber();
        Path csv = dir.resolve("huurders.csv");
        Files.writeString(csv, "title;tenants[0].name;tenants[0].nationalNumber;tenants[0].birthDate;"
                + "signer.agency.nationalRegisterNumber\n"
                + tag + " Tom;Tom Huurder;" + tenant + ";" + birth(tenant) + ";" + clerk + "\n"
                + tag + " Ann;Ann Ander;" + other + ";" + birth(other) + ";" + clerk + "\n", StandardCharsets.UTF_8);
        ObjectNode common = (ObjectNode) ServiceClient.JSON.readTree(Files.readString(
                Path.of("test-docs/templates/lease.json")));
        common.remove("tenants");
        ((JavascriptExecutor) page).executeScript("document.getElementById('bulk-common').value = arguments[0]",
                common.toString());
        page.findElement(By.id("bulk-csv")).sendKeys(csv.toAbsolutePath().toString());
        page.findElement(By.id("bulk-submit")).click();
        assertThat(waitFor(page, By.id("bulk-done"), 120).getText()).isEqualTo("2 van 2 rijen verstuurd.");

        page.findElement(By.id("filter-q")).sendKeys(tag);
        page.findElement(By.id("filter-submit")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver ->
                driver.findElements(By.cssSelector("#requests tbody tr")).size() == 2);
        assertThat(page.findElement(By.id("page-info")).getText()).isEqualTo("Pagina 1 van 1 (2 in totaal)");
        String requestId = rowOf(page, tag + " Tom").getAttribute("data-id");
        String row = "#requests tbody tr[data-id='" + requestId + "'] ";
        assertThat(page.findElement(By.cssSelector(row + ".request-state")).getText()).isEqualTo("lopend");
        assertThat(page.findElement(By.cssSelector(row + ".request-progress")).getText()).isEqualTo("0 van 2");
        assertThat(AccessibilityIT.violations(page)).as("axe, logged in").isEmpty();

        // a new link for the tenant (the mailed ones would stop working), then the tenant signs with itsme
        click(page, By.cssSelector(row + "button.open"));
        assertThat(waitFor(page, By.id("detail")).getAttribute("data-id")).isEqualTo(requestId);
        click(page, By.cssSelector("#detail-signers li[data-position='1'] button.reissue"));
        String tenantLink = waitFor(page, By.cssSelector("#detail-status a.new-link")).getAttribute("href");
        assertThat(AccessibilityIT.violations(page)).as("axe, request details").isEmpty();
        String dashboard = page.getWindowHandle();
        signWithItsme(page, tenantLink, tenantApp);
        page.switchTo().window(dashboard);

        new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.cssSelector(row + ".request-progress"), "1 van 2"));
        new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.id("timeline")).getText().contains("tenant-1 ondertekende"));
        assertThat(page.findElement(By.id("timeline")).getText())
                .contains("Nieuwe link voor tenant-1, de vorige ingetrokken (medewerker ***");

        // the agency's turn: the clerk signs, and the request completes
        click(page, By.cssSelector("#detail-signers li[data-position='2'] button.reissue"));
        new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(driver -> !driver.findElement(
                By.cssSelector("#detail-status a.new-link")).getAttribute("href").equals(tenantLink));
        String agencyLink = page.findElement(By.cssSelector("#detail-status a.new-link")).getAttribute("href");
        signWithItsme(page, agencyLink, clerkApp);
        page.switchTo().window(dashboard);
        new WebDriverWait(page, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.cssSelector(row + ".request-state"), "ondertekend"));
        waitFor(page, By.cssSelector("#detail-downloads button.download-certificate"), 30);

        @SuppressWarnings("unchecked")
        Map<String, Object> certificate = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/requests/' + arguments[0] + '/certificate?lang=nl').then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done({ status: r.status, type: r.headers.get('Content-Type'),
                    head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length });
                });""", requestId);
        assertThat(certificate).containsEntry("status", 200L).containsEntry("type", "application/pdf")
                .containsEntry("head", "%PDF-");

        // the evidence of the request's archive entry (found by ?requestId=), once archiving is done
        waitFor(page, By.cssSelector("#detail-downloads button.download-evidence"), 120);
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/archive?requestId=' + arguments[0]).then(r => r.json())
                  .then(page => fetch('/api/archive/' + page.items[0].id + '/evidence')).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    done({ status: r.status, head: String.fromCharCode(...bytes.slice(0, 2)) });
                  });""", requestId);
        assertThat(evidence).containsEntry("status", 200L).containsEntry("head", "PK");
    }

    /** Opens the signer link in a new tab, signs with itsme (the code on the page matches the app's). */
    private static void signWithItsme(WebDriver page, String link, ItsmeApp app) {
        page.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        page.get(link + "&lang=nl");
        waitFor(page, By.id("itsme"), 30).click();
        String code = waitFor(page, By.id("code"), 30).getText();
        ItsmeApp.Pending signing = app.pending(20).get(0);
        assertThat(signing.verificationCode()).isEqualTo(code);
        app.approve(signing.consentId(), CODE);
        assertThat(waitFor(page, By.id("outcome"), 120).getText())
                .isEqualTo("U hebt dit document ondertekend. Dank u.");
        page.close();
    }

    private ItsmeApp itsmeAccount(String number, String givenName, String surname, String name) {
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32477" + number.substring(5, 11), number, CODE,
                dir.resolve(name));
        HttpResponse<byte[]> activated = CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + number + "\",\"givenName\":\"" + givenName + "\",\"surname\":\""
                        + surname + "\"}");
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);
        return app;
    }

    /** Clicks what the 5-second refresh may just have re-drawn. */
    private static void click(WebDriver page, By locator) {
        new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(locator).click();
                    return true;
                });
    }

    private static WebElement rowOf(WebDriver page, String title) {
        return page.findElements(By.cssSelector("#requests tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("td")).getText().equals(title)).findFirst().orElseThrow();
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return waitFor(page, locator, 30);
    }

    private static WebElement waitFor(WebDriver page, By locator, int seconds) {
        return new WebDriverWait(page, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static String birth(String number) {
        return "19" + number.substring(0, 2) + "-" + number.substring(2, 4) + "-" + number.substring(4, 6);
    }

    private static String newNumber() {
        return NationalRegisterNumber.withCheck(String.format("7%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
    }
}
