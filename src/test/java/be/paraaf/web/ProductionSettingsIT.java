package be.paraaf.web;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.ParaafApplication;
import be.paraaf.access.ApiClient;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.access.ApiKeys;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * In production the actuator shows anonymous callers only the health status, metrics need an API key, the API
 * description is off, and a start without trust services says which settings are missing.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProductionSettingsIT {

    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-prod-settings-it-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        // prod without trust services or a seal key: started anyway here to look at its doors (the real prod
        // refuses, see aProductionStartWithoutItsSettingsIsRefusedInOneLine)
        registry.add("paraaf.startup.require-complete-configuration", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiClientRepository clients;

    private ServiceClient client() {
        return new ServiceClient("http://localhost:" + port);
    }

    @Test
    void healthShowsAnonymousCallersOnlyTheStatus() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            HttpResponse<byte[]> health = client().get(path);
            // no trust services configured here: readiness (and so the whole) is DOWN, liveness UP
            assertThat(health.statusCode()).as(path).isIn(200, 503);
            JsonNode body = ServiceClient.json(health);
            assertThat(body.propertyNames()).as(path + ": " + body).contains("status").isSubsetOf("status", "groups");
            assertThat(TwoStepFlow.body(health)).doesNotContain(DATA_DIR.toString(), "components", "details");
        }
        assertThat(client().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAndTheOtherActuatorEndpointsNeedAnApiKey() {
        assertProblem(client().get("/actuator/metrics"), 401, "unauthenticated");
        assertProblem(client().get("/actuator/metrics/jvm.memory.used"), 401, "unauthenticated");
        assertProblem(client().get("/actuator/info"), 401, "unauthenticated");
        assertProblem(client().get("/actuator"), 401, "unauthenticated");
    }

    @Test
    void theApiDescriptionIsOff() {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
            "/swagger-ui/index.html"}) {
            assertThat(client().get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aStartWithoutTrustServicesNamesTheMissingSettings(CapturedOutput output) {
        assertThat(output.getAll()).contains("Missing configuration: set ", "paraaf.trust.trust-stores",
                "paraaf.trust.tsa-url", "paraaf.signing.seal.key-store", "paraaf.remote-signing.csc.base-url");
        String key = ApiKeys.generate();
        if (!clients.exists("operator")) {
            clients.register(new ApiClient("operator", "Operator", false), key);
        }
        JsonNode readiness = ServiceClient.json(client().get("/actuator/health/readiness", key));
        assertThat(readiness.toString()).as("off capabilities are visible in readiness").contains("\"off\"",
                "paraaf.signing.seal.key-store", "e-mail (invitations, reminders", "spring.mail.host");
    }

    @Test
    void aProductionStartWithoutItsSettingsIsRefusedInOneLine() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ParaafApplication.class).profiles("prod")
                .properties("server.port=0", "paraaf.data-dir=" + DATA_DIR.resolve("refused")).run().close())
                .hasStackTraceContaining("Missing configuration: set ")
                .hasStackTraceContaining("paraaf.trust.trust-stores")
                .hasStackTraceContaining("paraaf.trust.tsa-url")
                .hasStackTraceContaining("paraaf.signing.seal.key-store")
                .hasStackTraceContaining("does not start in production");
    }
}
