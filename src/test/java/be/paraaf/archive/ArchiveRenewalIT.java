package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.pki.DemoPki;
import be.paraaf.support.MutableClock;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Archive renewal through time, with the service's clock injected. The demo PKI is generated 15 hours in the
 * past with 20-hour end-entity and 24-hour TSA certificates, so at "now" the first TSA certificate (TSA1) has
 * 9 hours left and the citizen signs with a certificate that ends in 20 hours. Archiving and renewal run at
 * the real time (DSS checks some dates against the system clock); only the final validations look ahead, at
 * a validation time 22 hours on, with the clock moved there so the demo OCSP answers from that moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(ArchiveRenewalIT.TestClock.class)
class ArchiveRenewalIT {

    static final int PORT = ServiceIT.freePort();
    static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-renewal-it-");
    static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);
    static final MutableClock CLOCK = new MutableClock(Duration.ofHours(-15));

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("paraaf.trust.revocation-cache-max-age", () -> "0s");
        registry.add("paraaf.pki.end-entity-validity", () -> "20h");
        registry.add("paraaf.pki.tsa-validity", () -> "24h");
        registry.add("paraaf.archive.preservation.horizon", () -> "12h");
    }

    @Autowired
    ArchiveService archive;
    @Autowired
    PreservationJob preservation;
    @Autowired
    ValidationService validation;
    @Autowired
    DemoPki pki;
    @Autowired
    MeterRegistry meters;

    @Test
    void renewedEntryStillValidatesAfterTheFirstTsaCertificateExpiredAndTheOriginalDoesNot() {
        CLOCK.setOffset(Duration.ZERO);
        Instant now = Instant.now();
        Instant tsa1NotAfter = pki.tsaChain().get(0).getNotAfter().toInstant();
        assertThat(tsa1NotAfter).isBetween(now.plus(Duration.ofHours(8)), now.plus(Duration.ofHours(10)));

        Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", ArchiveIT.JAN_NN);
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                Map.of("level", "B-T", "fieldName", "tenant-1"));
        ArchiveEntry entry = archive.archive(new ArchiveRequest("woonpunt-demo", "lease",
                List.of(new Party("Jan Peeters", ArchiveIT.JAN_NN, "tenant")), null, "lease.pdf", signed, null));
        assertThat(entry.timestampsValidUntil()).isEqualTo(tsa1NotAfter);
        byte[] original = archive.read(entry.current(ArchivePart.DOCUMENT));
        byte[] originalEvidence = archive.read(entry.current(ArchivePart.EVIDENCE));

        // TSA1 expires within the 12-hour horizon: the entry is due; the TSA rotates its key first, as real TSAs do
        pki.rotateTsa();
        Instant tsa2NotAfter = pki.tsaChain().get(0).getNotAfter().toInstant();
        PreservationJob.Status status = preservation.run();
        assertThat(status.due()).isEqualTo(1);
        assertThat(status.renewed()).isEqualTo(1);
        assertThat(status.failed()).isZero();
        assertThat(meters.counter("paraaf.archive.renewals", "outcome", "success").count()).isEqualTo(1.0);

        ArchiveEntry renewed = archive.find(new ArchiveViewer.Agency("woonpunt-demo"), entry.id());
        assertThat(renewed.renewals()).isEqualTo(1);
        assertThat(renewed.current(ArchivePart.DOCUMENT).version()).isEqualTo(2);
        assertThat(renewed.current(ArchivePart.EVIDENCE).version()).isEqualTo(2);
        assertThat(renewed.timestampsValidUntil()).isEqualTo(tsa2NotAfter);
        assertThat(preservation.run().due()).as("renewed entries are no longer due").isZero();

        // 22 hours on: TSA1 (9 h) and the signer's certificate (20 h) have expired, TSA2 (24 h) has not
        Duration later = Duration.ofHours(22);
        CLOCK.setOffset(later);
        Instant validationTime = now.plus(later);
        assertThat(validationTime).isAfter(tsa1NotAfter).isBefore(tsa2NotAfter);

        ValidationSummary after = validation.validate(new DocumentToValidate("renewed.pdf",
                archive.read(renewed.current(ArchivePart.DOCUMENT))), validationTime);
        assertThat(after.signatures()).singleElement().satisfies(signature ->
                assertThat(signature.indication()).as(String.valueOf(signature.errors())).isEqualTo("TOTAL_PASSED"));
        ValidationSummary evidenceAfter = validation.validate(new DocumentToValidate("evidence.xml",
                archive.read(renewed.current(ArchivePart.EVIDENCE))), validationTime);
        assertThat(evidenceAfter.signatures()).singleElement().satisfies(signature ->
                assertThat(signature.indication()).as(String.valueOf(signature.errors())).isEqualTo("TOTAL_PASSED"));

        ValidationSummary without = validation.validate(new DocumentToValidate("original.pdf", original),
                validationTime);
        assertThat(without.signatures()).singleElement().satisfies(signature ->
                assertThat(signature.indication()).isNotEqualTo("TOTAL_PASSED"));
        ValidationSummary evidenceWithout = validation.validate(new DocumentToValidate("evidence.xml",
                originalEvidence), validationTime);
        assertThat(evidenceWithout.signatures()).singleElement().satisfies(signature ->
                assertThat(signature.indication()).isNotEqualTo("TOTAL_PASSED"));
    }
}
