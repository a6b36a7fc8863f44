package be.paraaf.support;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need the service with small rate limits and production's webhook rule (no callbacks into
 * private networks), in a context of its own (own port and data directory) shared by its subclasses. Each limit
 * is small enough to reach in a few calls; each subclass spends a different one (or another demo client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class LimitedServiceIT {

    protected static final int PORT = ServiceIT.freePort();
    protected static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-limited-it-");
    protected static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);

    @DynamicPropertySource
    static void limitedProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("paraaf.requests.webhooks.allow-private-addresses", () -> "false");
        registry.add("paraaf.rate-limits.itsme-enrolments", () -> "2/1h");
        registry.add("paraaf.rate-limits.login-pushes", () -> "100/1h");
        registry.add("paraaf.rate-limits.login-pushes-per-citizen", () -> "3/1h");
        registry.add("paraaf.rate-limits.citizen-logins", () -> "3/1h");
        registry.add("paraaf.rate-limits.validations", () -> "2/1h");
        registry.add("paraaf.rate-limits.link-lookups", () -> "5/1h");
        registry.add("paraaf.rate-limits.stamps", () -> "2/1h");
        registry.add("paraaf.rate-limits.report-downloads", () -> "3/1h");
        registry.add("paraaf.rate-limits.api-clients", () -> "40/1h");
    }
}
