package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSException;
import org.junit.jupiter.api.Test;

/**
 * Evidence records over batches, checked with BouncyCastle's own record validation against an in-memory TSA (the
 * DSS check with the demo TSA over HTTP is EvidenceRecordIT's).
 */
class EvidenceRecordsTest {

    static final Tsa TSA = new Tsa();

    @Test
    void eachEntryOfABatchHasItsOwnRecordOverOneTimeStamp() throws Exception {
        List<EvidenceRecords.Leaf> leaves = leaves(5, 3);

        EvidenceRecords.Sealed sealed = EvidenceRecords.seal(leaves, EvidenceRecords.Digest.SHA256, TSA);

        assertThat(TSA.calls.get()).isEqualTo(1);
        for (EvidenceRecords.Leaf leaf : leaves) {
            byte[] record = EvidenceRecords.assemble(List.of(new EvidenceRecords.Chain(EvidenceRecords.Digest.SHA256,
                    sealed.reducedHashTrees().get(leaf.entryId()), sealed.token(), List.of())));
            ERSEvidenceRecord parsed = new ERSEvidenceRecord(record, EvidenceRecords.DIGESTS);
            parsed.validatePresent(true, groupHash(leaf), new Date());
        }
        byte[] other = EvidenceRecords.assemble(List.of(new EvidenceRecords.Chain(EvidenceRecords.Digest.SHA256,
                sealed.reducedHashTrees().get(leaves.get(0).entryId()), sealed.token(), List.of())));
        assertThatThrownBy(() -> new ERSEvidenceRecord(other, EvidenceRecords.DIGESTS)
                .validatePresent(true, groupHash(leaves.get(1)), new Date()))
                .as("an entry's record does not cover another entry").isInstanceOf(ERSException.class);
    }

    @Test
    void aTimeStampRenewalMadeFromOneEntryServesTheWholeBatch() throws Exception {
        List<EvidenceRecords.Leaf> leaves = leaves(4, 2);
        EvidenceRecords.Sealed sealed = EvidenceRecords.seal(leaves, EvidenceRecords.Digest.SHA256, TSA);
        byte[] sample = EvidenceRecords.assemble(List.of(chain(sealed, leaves.get(0), List.of())));

        byte[] renewal = EvidenceRecords.renewTimestamp(sample, TSA);

        for (EvidenceRecords.Leaf leaf : leaves) {
            ERSEvidenceRecord record = new ERSEvidenceRecord(EvidenceRecords.assemble(List.of(chain(sealed, leaf,
                    List.of(renewal)))), EvidenceRecords.DIGESTS);
            record.validatePresent(true, groupHash(leaf), new Date());
            assertThat(record.toASN1Structure().getArchiveTimeStampSequence().getArchiveTimeStampChains()[0]
                    .getArchiveTimestamps()).hasSize(2);
        }
    }

    @Test
    void sealingCostGrowsAboutLinearlyWithTheBatch() {
        // not a timing assertion: prints the cost so a quadratic tree builder shows up in the build log
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            List<EvidenceRecords.Leaf> leaves = leaves(size, 1);
            long start = System.nanoTime();
            EvidenceRecords.Sealed sealed = EvidenceRecords.seal(leaves, EvidenceRecords.Digest.SHA256, TSA);
            System.out.printf("sealed %d leaves in %.0f ms%n", size, (System.nanoTime() - start) / 1e6);
            assertThat(sealed.reducedHashTrees()).hasSize(size);
        }
    }

    private static EvidenceRecords.Chain chain(EvidenceRecords.Sealed sealed, EvidenceRecords.Leaf leaf,
            List<byte[]> renewals) {
        return new EvidenceRecords.Chain(EvidenceRecords.Digest.SHA256, sealed.reducedHashTrees().get(leaf.entryId()),
                sealed.token(), renewals);
    }

    /** The hash RFC 4998 §4.2 gives a data group: its sorted member hashes, concatenated and hashed. */
    private static byte[] groupHash(EvidenceRecords.Leaf leaf) {
        if (leaf.digests().size() == 1) {
            return leaf.digests().get(0);
        }
        List<byte[]> sorted = new ArrayList<>(leaf.digests());
        sorted.sort(java.util.Arrays::compareUnsigned);
        return EvidenceRecords.Digest.SHA256.digest(sorted.toArray(new byte[0][]));
    }

    private static List<EvidenceRecords.Leaf> leaves(int count, int partsEach) {
        SecureRandom random = new SecureRandom();
        List<EvidenceRecords.Leaf> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<byte[]> digests = new ArrayList<>();
            for (int p = 0; p < partsEach; p++) {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                digests.add(digest);
            }
            leaves.add(new EvidenceRecords.Leaf("entry-" + i, digests));
        }
        return leaves;
    }

    /** An RFC 3161 TSA in memory: a self-signed time-stamping certificate. */
    static final class Tsa implements EvidenceRecords.TimestampSource {
        final AtomicInteger calls = new AtomicInteger();
        private final TimeStampTokenGenerator generator;

        Tsa() {
            try {
                KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
                keys.initialize(256);
                KeyPair pair = keys.generateKeyPair();
                X500Name name = new X500Name("CN=test TSA");
                X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                        new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                        name, pair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.extendedKeyUsage, true,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
                generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                        .build("SHA256withECDSA", pair.getPrivate(),
                                new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(certificate)),
                        EvidenceRecords.DIGESTS.get(EvidenceRecords.Digest.SHA256.id), new ASN1ObjectIdentifier("1.2.3.4"));
                generator.addCertificates(new JcaCertStore(List.of(certificate)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] timestamp(String digestAlgorithmOid, byte[] digest) {
            calls.incrementAndGet();
            try {
                TimeStampRequestGenerator request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                return generator.generate(request.generate(
                        new ASN1ObjectIdentifier(digestAlgorithmOid), digest), BigInteger.valueOf(calls.get()),
                        new Date()).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
