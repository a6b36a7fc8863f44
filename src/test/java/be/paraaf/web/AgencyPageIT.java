package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Browser;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agency page in headless Chromium: fill the lease (the sample names the demo citizens; a tenant added),
 * preview the pages, send it, follow the request live (a tenant declines through their link and the page shows
 * it); invalid data lists every field.
 */
class AgencyPageIT extends ServiceIT {

    @RegisterExtension
    @AutoClose
    static final Browser BROWSER = new Browser();

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void leaseIsFilledPreviewedSentAndFollowed() {
        WebDriver page = open();
        sample(page);
        // dev mode: the sample names the demo citizens, two tenants and the representative
        List<WebElement> tenants = page.findElements(By.cssSelector("#tenants .tenant"));
        assertThat(tenants.get(0).findElement(By.className("tenant-name")).getAttribute("value"))
                .isEqualTo(DemoCitizens.ALL.get(0).fullName());
        assertThat(tenants.get(1).findElement(By.className("tenant-nrn")).getAttribute("value"))
                .isEqualTo(DemoCitizens.ALL.get(1).nationalRegisterNumber().formatted());
        assertThat(page.findElement(By.id("agency-representative-nrn")).getAttribute("value"))
                .isEqualTo(DemoCitizens.ALL.get(2).nationalRegisterNumber().formatted());
        page.findElement(By.id("add-tenant")).click();
        tenants = page.findElements(By.cssSelector("#tenants .tenant"));
        assertThat(tenants).hasSize(3);
        tenants.get(2).findElement(By.className("tenant-name")).sendKeys("Anaïs Çelik");
        tenants.get(2).findElement(By.className("tenant-nrn")).sendKeys("05.03.12-187.93");
        ((JavascriptExecutor) page).executeScript("arguments[0].value = '2005-03-12'",
                tenants.get(2).findElement(By.className("tenant-birth")));
        page.findElement(By.id("preview")).click();

        waitFor(page, By.cssSelector("#pages img.page"));
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return [...document.querySelectorAll('#pages img')].filter(i => i.naturalWidth > 0)"
                        + ".length")).intValue() >= 1);

        page.findElement(By.id("send")).click();
        List<WebElement> links = new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#signers a.signer-link"));
            return found.size() == 4 ? found : null;
        });
        assertThat(waitFor(page, By.id("request-state")).getText()).isEqualTo("lopend");
        assertThat(links.get(0).getText()).as("a signer by role and name, not tenant-1").startsWith("Huurder 1 — ");
        assertThat(links.get(3).getText()).startsWith("Woonmaatschappij — ");
        assertThat(((JavascriptExecutor) page).executeScript("return [...document.querySelectorAll('input, select')]"
                + ".filter(i => i.type !== 'hidden' && i.labels.length === 0 && !i.getAttribute('aria-label'))"
                + ".map(i => i.id || i.className)")).as("inputs without a label").asList().isEmpty();
        assertThat(page.findElement(By.id("start")).getAttribute("value")).as("dd/mm/yyyy").matches("\\d{2}/\\d{2}/\\d{4}");
        String token = links.get(0).getAttribute("href").replaceFirst(".*token=", "");

        assertThat(CLIENT.postJson("/api/sign/" + token + "/decline", "{\"reason\":\"verkeerde huurprijs\"}")
                .statusCode()).isEqualTo(200);
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("request-state"),
                "geweigerd"));
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.cssSelector(
                "#signers li[data-role='tenant-1'] .signer-state"), "geweigerd — reden: verkeerde huurprijs"));
    }

    @Test
    void invalidLeaseDataIsListedFieldByField() {
        WebDriver page = open();
        sample(page);
        WebElement nrn = page.findElement(By.cssSelector("#tenants .tenant .tenant-nrn"));
        nrn.clear();
        nrn.sendKeys("92.05.05-123.46");
        page.findElement(By.id("base-rent")).clear();
        page.findElement(By.id("preview")).click();

        WebElement problem = waitFor(page, By.id("problem"));
        assertThat(problem.getText()).contains("tenants[0].nationalNumber", "baseRent")
                .contains("Huurder 1 — Rijksregisternummer (tenants[0].nationalNumber)", "Basishuurprijs (baseRent)")
                .doesNotContain("undefined");
        assertThat(nrn.getAttribute("aria-invalid")).as("the refused field is marked").isEqualTo("true");
        assertThat(page.findElement(By.id("base-rent")).getAttribute("aria-invalid")).isEqualTo("true");

        // a date that is none is said before anything is sent
        page.findElement(By.id("start")).clear();
        page.findElement(By.id("start")).sendKeys("31/02/2027");
        page.findElement(By.id("preview")).click();
        new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("problem"),
                "Begindatum 31/02/2027 is geen datum: schrijf dd/mm/jjjj."));
    }

    /** Fills the sample lease; its tenants arrive with the demo citizens (fetched), so wait for both. */
    private static void sample(WebDriver page) {
        page.findElement(By.id("sample")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> driver.findElements(
                By.cssSelector("#tenants .tenant")).size() == 2);
    }

    @Test
    void actualisationIsAskedFollowedAndItsSignedConfirmationOffered(@TempDir Path dir) {
        String nrn = NationalRegisterNumber.withCheck(String.format("8%d%02d%02d%03d", RANDOM.nextInt(10),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997)), false).value();
        String dossier = "WV-" + nrn.substring(2);
        WebDriver page = open();
        page.findElement(By.id("act-name")).sendKeys("Mehmet Yilmaz");
        page.findElement(By.id("act-nrn")).sendKeys(nrn);
        page.findElement(By.id("act-dossier")).sendKeys(dossier);
        page.findElement(By.id("act-company")).sendKeys("Woonpunt Demo");
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", page.findElement(By.id("act-due")),
                LocalDate.now().plusDays(14).toString());
        page.findElement(By.id("act-submit")).click();
        By line = By.xpath("//ul[@id='actualisation-list']/li[contains(., '" + dossier + "')]");
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(line,
                "nog niet beantwoord"));
        String id = page.findElement(line).getAttribute("data-id");

        // the candidate answers STAY and signs with itsme (CitizenPageIT does this in the browser)
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32477" + nrn.substring(5, 11), nrn, "86420", dir.resolve("app"));
        CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"Mehmet\",\"surname\":\"Yilmaz\"}");
        String loginId = ServiceClient.json(CLIENT.postJson("/api/citizen/login/itsme",
                "{\"nationalRegisterNumber\":\"" + nrn + "\"}")).get("id").asString();
        app.approve(app.pending(10).get(0).consentId(), "86420");
        String session = ServiceClient.json(CLIENT.get("/api/citizen/login/itsme/" + loginId)).get("token").asString();
        String token = ServiceClient.json(CLIENT.citizenPostJson("/api/citizen/actualisations/" + id + "/decision",
                "{\"choice\":\"STAY\"}", session)).get("signingToken").asString();
        assertThat(CLIENT.postJson("/api/sign/" + token + "/itsme", "").statusCode()).isEqualTo(202);
        app.approve(app.pending(10).get(0).consentId(), "86420");

        new WebDriverWait(page, Duration.ofSeconds(30), Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.id("act-refresh")).click();
            return driver.findElement(line).getText().contains("blijft ingeschreven");
        });
        String download = new WebDriverWait(page, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(line).findElement(By.cssSelector("button.download")).getText());
        assertThat(download).isEqualTo("Ondertekende bevestiging");
    }

    private static WebDriver open() {
        WebDriver page = BROWSER.driver();
        page.get(CLIENT.baseUrl() + "/agency.html?lang=nl");
        // dev mode fills in the demo agency's key
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("api-key"), "value",
                DemoClients.WOONPUNT_KEY));
        return page;
    }

    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
