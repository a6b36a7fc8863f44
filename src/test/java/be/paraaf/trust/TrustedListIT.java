package be.paraaf.trust;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.system.ParaafProperties;
import be.paraaf.support.ForeignSigner;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * EU trusted lists end to end: a synthetic, signed LOTL (file: URL) points at a valid Belgian list that
 * names the untrusted test signer of {@code certs/} as a qualified CA, and at a Dutch list naming another
 * signer whose signature was broken after signing. The service must trust the first signer, ignore the
 * broken list, and start and report ready anyway. An unreadable LOTL leaves the refresher running with
 * nothing loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class TrustedListIT {

    private static final int PORT = ServiceIT.freePort();
    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-tl-it-");
    private static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);

    private static final SyntheticTrustedLists.Signer STRANGER =
            SyntheticTrustedLists.newSigner("CN=Bert Janssens, O=Elsewhere, C=NL");
    private static final SyntheticTrustedLists.Setup LISTS = SyntheticTrustedLists.write(
            ServiceIT.temporaryDirectory("paraaf-tl-lists-"), List.of(
                    new SyntheticTrustedLists.NationalList("BE", new ForeignSigner().certificate(), false),
                    new SyntheticTrustedLists.NationalList("NL", STRANGER.certificate(), true)));

    @DynamicPropertySource
    static void serviceProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("paraaf.trust.trusted-lists.enabled", () -> "true");
        registry.add("paraaf.trust.trusted-lists.lotl-url", LISTS::lotlUrl);
        registry.add("paraaf.trust.trusted-lists.lotl-signing-certificates", () -> LISTS.lotlSigningCertificates().toString());
        registry.add("paraaf.trust.trusted-lists.lotl-signing-certificates-type", () -> "PKCS12");
        registry.add("paraaf.trust.trusted-lists.lotl-signing-certificates-password",
                () -> SyntheticTrustedLists.KEYSTORE_PASSWORD);
    }

    /** The first online refresh runs in the background after start; readiness waits for it. */
    @BeforeEach
    void waitUntilTheTrustedListsAreLoaded() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode lists = trustedListsHealth();
        while (!"refreshed".equals(lists.path("status").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            lists = trustedListsHealth();
        }
        assertThat(lists.path("status").asString()).as(lists.toString()).isEqualTo("refreshed");
    }

    @Test
    void signerNamedInAValidTrustedListIsTrusted() {
        byte[] signed = new ForeignSigner().sign(TestDocs.read(TestDocs.SAMPLE_CONTRACT));

        JsonNode signature = validate(signed, "foreign.pdf").get("signatures").get(0);
        assertThat(signature.get("signerName").asString()).isEqualTo("Anna de Vries");
        assertThat(signature.get("verdict").asString()).as(signature.toString()).isEqualTo("VALID");
        assertThat(signature.get("subIndication").asString()).as(signature.toString())
                .doesNotStartWith("NO_CERTIFICATE_CHAIN_FOUND");
        JsonNode chain = signature.get("chain");
        assertThat(chain.get(chain.size() - 1).get("trusted").asBoolean()).as(signature.toString()).isTrue();
        assertThat(signature.get("qualification").asString()).as(signature.toString()).isEqualTo("QESig");
    }

    @Test
    void signerNamedOnlyInATrustedListWithABrokenSignatureStaysUntrusted() {
        byte[] signed = new ForeignSigner(STRANGER.keys().getPrivate(), STRANGER.certificate())
                .sign(TestDocs.read(TestDocs.SAMPLE_CONTRACT));

        JsonNode signature = validate(signed, "stranger.pdf").get("signatures").get(0);
        assertThat(signature.get("verdict").asString()).as(signature.toString()).isEqualTo("INDETERMINATE");
        assertThat(signature.get("subIndication").asString()).startsWith("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(signature.get("chain").get(0).get("trusted").asBoolean()).isFalse();
    }

    @Test
    void readinessReportsTheListsInUseAndTheRejectedOne() {
        HttpResponse<byte[]> response = CLIENT.get("/actuator/health/readiness");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode lists = trustedListsHealth();
        assertThat(lists.get("loaded").asInt()).as(lists.toString()).isEqualTo(1);
        assertThat(lists.get("rejected").asInt()).as(lists.toString()).isEqualTo(1);
        assertThat(lists.get("trustedCertificates").asInt()).as(lists.toString()).isEqualTo(1);
        assertThat(lists.get("lastRefresh").asString()).isNotBlank();
    }

    @Test
    void unreadableListOfTrustedListsLeavesTheRefresherRunningWithNothingLoaded() throws Exception {
        Path directory = ServiceIT.temporaryDirectory("paraaf-tl-garbage-");
        Path lotl = Files.writeString(directory.resolve("lotl.xml"), "<TrustServiceStatusList>not a list");
        TrustProperties properties = new TrustProperties("", List.of(), new TrustProperties.TrustedLists(true,
                lotl.toUri().toString(), LISTS.lotlSigningCertificates(), "PKCS12",
                SyntheticTrustedLists.KEYSTORE_PASSWORD, Duration.ofHours(6)), Duration.ofSeconds(5), Duration.ZERO);
        TrustedListsCertificateSource target = new TrustedListsCertificateSource();
        TrustedListRefresher refresher = new TrustedListRefresher(target, properties,
                new ParaafProperties(directory, URI.create("http://localhost:1")), Clock.systemUTC());
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!refresher.status().refreshed() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(refresher.status().refreshed()).isTrue();
            assertThat(refresher.status().loadedLists()).isZero();
            assertThat(target.getNumberOfCertificates()).isZero();
        } finally {
            refresher.destroy();
        }
    }

    private static JsonNode trustedListsHealth() {
        HttpResponse<byte[]> response = CLIENT.get("/actuator/health/readiness");
        return ServiceClient.json(response).path("components").path("trustServices").path("details")
                .path("trustedLists");
    }

    private static JsonNode validate(byte[] document, String name) {
        HttpResponse<byte[]> response = CLIENT.post("/api/validations",
                new Multipart().file("document", name, "application/pdf", document));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return ServiceClient.json(response);
    }
}
