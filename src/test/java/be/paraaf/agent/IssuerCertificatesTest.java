package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.pki.CaId;
import be.paraaf.demo.pki.CitizenKeyPurpose;
import be.paraaf.demo.pki.DemoPki;
import be.paraaf.demo.pki.PkiSettings;
import be.paraaf.identity.CitizenIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerCertificatesTest {

    @TempDir
    static Path dir;

    static DemoPki pki;
    static List<X509Certificate> chain;

    @BeforeAll
    static void issue() throws Exception {
        pki = DemoPki.openOrCreate(dir.resolve("pki"), "http://localhost:8080", PkiSettings.defaults());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        chain = pki.certifyCitizen(new CitizenIdentity("Jan", "Peeters", NationalRegisterNumber.parse("85073003328")),
                generator.generateKeyPair().getPublic(), CitizenKeyPurpose.SIGNATURE);
    }

    private final List<URI> fetched = new ArrayList<>();

    private IssuerCertificates serving(Map<String, byte[]> bodies) {
        return new IssuerCertificates(url -> {
            fetched.add(url);
            return bodies.get(url.toString());
        });
    }

    private Map<String, byte[]> caCertificates() throws Exception {
        Map<String, byte[]> bodies = new HashMap<>();
        bodies.put(pki.caCertificateUrl(CaId.CITIZEN), pki.caCertificate(CaId.CITIZEN).getEncoded());
        bodies.put(pki.caCertificateUrl(CaId.ROOT), pki.caCertificate(CaId.ROOT).getEncoded());
        return bodies;
    }

    @Test
    void aLeafAloneIsCompletedUpToTheRootThroughCaIssuers() throws Exception {
        List<X509Certificate> completed = serving(caCertificates()).complete(List.of(chain.get(0)));

        assertThat(completed).containsExactlyElementsOf(chain);
        assertThat(fetched).extracting(URI::toString).containsExactly(pki.caCertificateUrl(CaId.CITIZEN),
                pki.caCertificateUrl(CaId.ROOT));
    }

    @Test
    void aCompleteChainIsLeftAloneWithoutFetching() throws Exception {
        assertThat(serving(caCertificates()).complete(chain)).containsExactlyElementsOf(chain);
        assertThat(fetched).isEmpty();
    }

    @Test
    void aCertificateThatDidNotIssueTheLeafIsNotAdded() throws Exception {
        Map<String, byte[]> wrong = Map.of(pki.caCertificateUrl(CaId.CITIZEN),
                pki.caCertificate(CaId.REMOTE_SIGNING).getEncoded());

        assertThat(serving(wrong).complete(List.of(chain.get(0)))).containsExactly(chain.get(0));
    }

    @Test
    void anUnreachableIssuerLeavesTheChainAsItWas() {
        assertThat(serving(Map.of()).complete(List.of(chain.get(0)))).containsExactly(chain.get(0));
    }
}
