package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.pki.DemoPki;
import be.paraaf.support.MutableClock;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import be.paraaf.validation.EvidenceRecordValidation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
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
 * RFC 4998 evidence records through time, checked by DSS's evidence-record validation (not by the code that made
 * them). The demo PKI is generated 15 hours in the past with 24-hour TSA certificates, so at "now" the first TSA
 * certificate (TSA1) has 9 hours left; with a 12-hour horizon and no stagger the first batch is due at once.
 * SHA-256 weakens one hour from now (settings), so a run two hours on makes a hash-tree renewal to SHA-512. The
 * scheduled preservation job is off: only the test runs it, so nothing races the test's TSA rotation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(EvidenceRecordIT.TestClock.class)
class EvidenceRecordIT {

    static final int PORT = ServiceIT.freePort();
    static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-evidence-record-it-");
    static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);
    static final MutableClock CLOCK = new MutableClock(Duration.ofHours(-15));
    static final Instant SHA256_WEAKENS = Instant.now().plus(Duration.ofHours(1));

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
        registry.add("paraaf.archive.preservation.enabled", () -> "false");
        registry.add("paraaf.archive.preservation.horizon", () -> "12h");
        registry.add("paraaf.archive.evidence-records.stagger", () -> "0s");
        registry.add("paraaf.archive.evidence-records.digest-weakens-on", SHA256_WEAKENS::toString);
    }

    @Autowired
    ArchiveService archive;
    @Autowired
    EvidenceRecordService evidence;
    @Autowired
    PreservationJob preservation;
    @Autowired
    EvidenceRecordValidation validation;
    @Autowired
    DemoPki pki;

    @Test
    void recordValidatesInDssWhenFreshAfterTwoRenewalsAndAfterTheFirstTsaCertificateExpired() {
        CLOCK.setOffset(Duration.ZERO);
        Instant now = Instant.now();
        Instant tsa1NotAfter = pki.tsaChain().get(0).getNotAfter().toInstant();
        ArchiveEntry entry = archiveSignedLease();

        byte[] fresh = sealedByItself(entry);
        assertThat(chains(fresh)).containsExactly(1);
        assertPasses(validation.validate(fresh, archived(entry), null));
        ArchiveViewer owner = new ArchiveViewer.Agency("woonpunt-demo");
        byte[] packageBefore = archive.evidencePackage(owner, entry.id());
        assertThat(archive.evidencePackage(owner, entry.id())).as("kept, not made again").isEqualTo(packageBefore);

        // renewal 1, time-stamp renewal: TSA1 ends within the horizon; the TSA rotates its key first, as real ones do
        pki.rotateTsa();
        Instant tsa2NotAfter = pki.tsaChain().get(0).getNotAfter().toInstant();
        PreservationJob.Status first = preservation.run();
        assertThat(first.skipped()).isFalse();
        assertThat(first.renewed()).as("this entry's batch and any other test's").isPositive();
        assertThat(first.failed()).isZero();
        byte[] renewedOnce = evidence.record(entry.id()).orElseThrow();
        assertThat(chains(renewedOnce)).containsExactly(2);
        ArchiveEntry viewOnce = archive.find(owner, entry.id());
        assertThat(viewOnce.renewals()).as("the entry reports its batch's renewal").isEqualTo(1);
        assertThat(viewOnce.timestampsValidUntil()).isEqualTo(tsa2NotAfter);
        assertThat(viewOnce.lastRenewedAt()).isNotNull();
        byte[] packageAfter = archive.evidencePackage(owner, entry.id());
        assertThat(packageAfter).as("the renewal made the kept package stale").isNotEqualTo(packageBefore);
        assertThat(validation.validateContainer(packageAfter, null).verifies()).isTrue();
        assertThat(preservation.run().renewed()).as("renewed batches are no longer due").isZero();

        // renewal 2, hash-tree renewal: two hours on, SHA-256 counts as weak
        CLOCK.setOffset(Duration.ofHours(2));
        PreservationJob.Status second = preservation.run();
        assertThat(second.renewed()).isPositive();
        assertThat(second.failed()).isZero();
        byte[] renewedTwice = evidence.record(entry.id()).orElseThrow();
        assertThat(chains(renewedTwice)).containsExactly(2, 1);
        ArchiveEntry viewTwice = archive.find(owner, entry.id());
        assertThat(viewTwice.renewals()).as("a time-stamp renewal and a hash-tree renewal").isEqualTo(2);
        assertThat(viewTwice.timestampDigest()).isEqualTo("SHA512");
        assertThat(viewTwice.lastRenewedAt()).isAfter(viewOnce.lastRenewedAt());
        assertPasses(validation.validate(renewedTwice, archived(entry), null));

        // 22 hours on: TSA1 (9 h) has expired, TSA2 (24 h) has not
        Duration later = Duration.ofHours(22);
        CLOCK.setOffset(later);
        Instant validationTime = now.plus(later);
        assertThat(validationTime).isAfter(tsa1NotAfter).isBefore(tsa2NotAfter);
        assertPasses(validation.validate(renewedTwice, archived(entry), validationTime));
        CLOCK.setOffset(Duration.ZERO);
    }

    @Test
    void oneChangedByteOfTheArchivedPdfIsNoLongerCovered() {
        CLOCK.setOffset(Duration.ZERO);
        ArchiveEntry entry = archiveSignedLease();
        evidence.sealPending(); // waits for the background sealing, if it is still at work
        byte[] record = evidence.record(entry.id()).orElseThrow();
        List<EvidenceRecordValidation.Covered> documents = archived(entry);
        List<EvidenceRecordValidation.Covered> attacked = new ArrayList<>();
        for (EvidenceRecordValidation.Covered document : documents) {
            byte[] content = document.content().clone();
            if (document.name().equals(ArchivePart.DOCUMENT)) {
                content[content.length / 2] ^= 0x01;
            }
            attacked.add(new EvidenceRecordValidation.Covered(document.name(), content));
        }

        EvidenceRecordValidation.Result result = validation.validate(record, attacked, null);

        // DSS still passes the record's time-stamps; what fails is that it no longer covers the changed PDF
        assertThat(result.verifies()).as(result.toString()).isFalse();
        assertThat(result.coversAll()).isFalse();
        assertThat(result.documents()).filteredOn(document -> document.name().equals(ArchivePart.DOCUMENT))
                .singleElement().satisfies(document -> assertThat(document.intact()).isFalse());
        assertPasses(validation.validate(record, documents, null));
    }

    /** Archiving returns before the record is sealed; a background thread seals it moments later. */
    private byte[] sealedByItself(ArchiveEntry entry) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            java.util.Optional<byte[]> record = evidence.record(entry.id());
            if (record.isPresent()) {
                return record.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the entry's evidence record was not sealed within 30 s of archiving");
    }

    private ArchiveEntry archiveSignedLease() {
        Citizen jan = CLIENT.issueCitizen("Jan", "Peeters", ArchiveIT.JAN_NN);
        byte[] signed = new TwoStepFlow(CLIENT).signPdf(TestDocs.read(TestDocs.SAMPLE_CONTRACT), jan,
                Map.of("level", "B-T", "fieldName", "tenant-1"));
        return archive.archive(new ArchiveRequest("woonpunt-demo", "lease",
                List.of(new Party("Jan Peeters", ArchiveIT.JAN_NN, "tenant")), null, "lease.pdf", signed, null));
    }

    /** The archived parts as the record covers them: the first version of each. */
    private List<EvidenceRecordValidation.Covered> archived(ArchiveEntry entry) {
        return entry.parts().stream().filter(part -> part.version() == 1)
                .map(part -> new EvidenceRecordValidation.Covered(part.name(), archive.read(part))).toList();
    }

    private static void assertPasses(EvidenceRecordValidation.Result result) {
        assertThat(result.indication()).as(result.toString()).isIn("PASSED", "TOTAL_PASSED");
        assertThat(result.coversAll()).as(result.toString()).isTrue();
        assertThat(result.verifies()).isTrue();
    }

    /** Archive time-stamps per chain. */
    private static List<Integer> chains(byte[] record) {
        return java.util.Arrays.stream(EvidenceRecord.getInstance(record).getArchiveTimeStampSequence()
                .getArchiveTimeStampChains()).map(chain -> chain.getArchiveTimestamps().length).toList();
    }
}
