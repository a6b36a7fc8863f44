package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole service on its embedded defaults (demo PKI, TSA, OCSP, CRL) on a real
 * port. The port is fixed before start because the demo certificates carry it in their AIA, OCSP and CRL
 * addresses; all subclasses share one data directory and so one cached application context. The demo citizens'
 * itsme accounts are seeded as in dev (fast); their virtual eID cards are not (a child JVM each): tests default to
 * {@code paraaf.demo.virtual-cards=false} in src/test/resources/config/application.properties, and DemoCardSeederIT,
 * in its own context, switches them on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ServiceIT {

    protected static final int PORT = freePort();
    protected static final Path DATA_DIR = temporaryDirectory("paraaf-it-");
    protected static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);

    @DynamicPropertySource
    static void serviceProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        // revocation tests revoke and validate within seconds: reuse no OCSP response or CRL (benchmarks
        // measure with the production default instead, see the benchmark profile in pom.xml)
        registry.add("paraaf.trust.revocation-cache-max-age",
                () -> System.getProperty("paraaf.test.revocation-cache-max-age", "0s"));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
