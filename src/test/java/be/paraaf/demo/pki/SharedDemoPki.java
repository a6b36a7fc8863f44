package be.paraaf.demo.pki;

import be.paraaf.identity.CitizenIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One generated PKI for the read-mostly tests: RSA key generation is the slow part. */
final class SharedDemoPki {

    static final String BASE_URL = "http://localhost:8080";
    static final CitizenIdentity JAN = new CitizenIdentity("Jan", "Peeters",
            NationalRegisterNumber.withCheck("850730033", false));

    private static DemoPki pki;

    private SharedDemoPki() {
    }

    static synchronized DemoPki get() {
        if (pki == null) {
            try {
                Path dir = Files.createTempDirectory("paraaf-pki-test");
                pki = DemoPki.openOrCreate(dir.resolve("pki"), BASE_URL, PkiSettings.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }
}
