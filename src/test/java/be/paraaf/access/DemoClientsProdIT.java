package be.paraaf.access;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In production the published demo keys do not exist: no seeding, and leftover demo rows are refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("prod")
class DemoClientsProdIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("paraaf.data-dir", () -> ServiceIT.temporaryDirectory("paraaf-prod-it-").toString());
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessProperties access;

    @Test
    void noDemoClientIsSeededOrAccepted() {
        assertThat(context.getBeansOfType(DemoClients.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from api_clients").query(Long.class).single()).isZero();
        assertThat(access.demoClients()).isFalse();
    }
}
