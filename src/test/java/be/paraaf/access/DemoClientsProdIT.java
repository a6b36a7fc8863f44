package be.paraaf.access;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoCardSeeder;
import be.paraaf.demo.DemoClients;
import be.paraaf.demo.DemoItsmeAccountSeeder;
import be.paraaf.demo.DemoProperties;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In production no demo data exists: the published demo keys are neither seeded nor accepted (leftover demo rows
 * are refused), no demo citizen gets an itsme account or a virtual card, and the dev endpoint that lists them is
 * not there (404).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class DemoClientsProdIT {

    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-prod-it-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.startup.require-complete-configuration", () -> "false"); // no trust services here
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessProperties access;

    @Autowired
    DemoProperties demo;

    @LocalServerPort
    int port;

    @Test
    void noDemoClientIsSeededOrAccepted() {
        assertThat(context.getBeansOfType(DemoClients.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from api_clients").query(Long.class).single()).isZero();
        assertThat(access.demoClients()).isFalse();
    }

    @Test
    void noDemoCitizenIsSeededAndTheDevEndpointIsAbsent() {
        assertThat(demo.seed()).isFalse();
        assertThat(context.getBeansOfType(DemoItsmeAccountSeeder.class)).isEmpty();
        assertThat(context.getBeansOfType(DemoCardSeeder.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from itsme_accounts").query(Long.class).single()).isZero();
        assertThat(DATA_DIR.resolve("demo")).doesNotExist();
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        assertThat(client.get("/api/dev/demo/citizens").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/dev/demo/agency").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from actualisations").query(Long.class).single()).isZero();
    }
}
