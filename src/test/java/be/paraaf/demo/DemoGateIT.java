package be.paraaf.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.ParaafApplication;
import be.paraaf.consent.itsme.RemoteSigningCertificates;
import be.paraaf.demo.pki.DemoPki;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.trust.TrustAnchorSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's one gate: a start with any profile set but {@code dev} — here {@code staging}, as an operator might
 * name a pre-production — gets none of the demo, with no setting switched off by hand: no demo PKI and no trust in
 * its root, no remote-signing CA, no demo keys, no {@code /api/dev/**}, no simulator page, and the pages are told
 * so by {@code /api/config}. {@code dev} together with {@code prod} refuses to start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("staging")
class DemoGateIT {

    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-gate-it-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("paraaf.data-dir", DATA_DIR::toString);
    }

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void noDemoBeanExistsOutsideTheDevProfile() {
        for (Class<?> demo : new Class<?>[] {DemoPki.class, DemoClients.class, DemoItsmeAccountSeeder.class,
                DemoCardSeeder.class, DemoActualisationSeeder.class, DemoController.class, ItsmeDevController.class,
                RemoteSigningCertificates.class}) {
            assertThat(context.getBeansOfType(demo)).as(demo.getSimpleName()).isEmpty();
        }
        assertThat(context.getBeansOfType(TrustAnchorSource.class)).as("the demo root is not trusted").isEmpty();
        assertThat(DATA_DIR.resolve("pki")).as("no demo PKI generated").doesNotExist();
    }

    @Test
    void theDevApiTheSimulatorAndTheDemoKeysAreAbsent() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        for (String path : new String[] {"/api/dev/demo/citizens", "/api/dev/demo/agency", "/pki/ca/root.crt",
                "/itsme-app.html", "/itsme-app.js", "/v3/api-docs"}) {
            assertThat(client.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(client.postJson("/api/dev/pki/credentials", "{}").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/documents", DemoClients.WOONPUNT_KEY).statusCode())
                .as("the published demo key").isEqualTo(401);
        JsonNode config = ServiceClient.json(client.get("/api/config"));
        assertThat(config.get("demo").asBoolean()).isFalse();
        assertThat(client.get("/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void devAndProdTogetherRefuseToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ParaafApplication.class).profiles("dev", "prod")
                .properties("server.port=0", "paraaf.data-dir=" + DATA_DIR.resolve("both")).run().close())
                .hasStackTraceContaining("Profiles 'dev' and 'prod' are both active");
    }
}
