package be.paraaf.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSException;

/**
 * RFC 4998 Evidence Record Syntax with BouncyCastle's {@code org.bouncycastle.tsp.ers}: one archive time-stamp
 * over the Merkle tree of a whole batch of data objects, a reduced hash tree per object, time-stamp renewal
 * and hash-tree renewal (RFC 4998 §5.2). Stateless; the caller stores what comes back.
 *
 * <p>Each archive entry is one data group (RFC 4998 §4.2): the digests of its parts. Entries of a batch share
 * the batch's time-stamp token and its time-stamp renewals; only the reduced hash tree is per entry, so a
 * time-stamp renewal costs one TSA call and one stored row per batch, whatever its size.
 */
public final class EvidenceRecords {

    static final DigestCalculatorProvider DIGESTS = new BcDigestCalculatorProvider();

    /** Where archive time-stamps come from: an RFC 3161 token (DER ContentInfo) over a digest. */
    @FunctionalInterface
    interface TimestampSource {
        byte[] timestamp(String digestAlgorithmOid, byte[] digest);
    }

    /** Digest algorithms for archive time-stamps, by the names the settings use. */
    public enum Digest {
        SHA256(NISTObjectIdentifiers.id_sha256, "SHA-256"), SHA512(NISTObjectIdentifiers.id_sha512, "SHA-512"),
        SHA3_256(NISTObjectIdentifiers.id_sha3_256, "SHA3-256"),
        SHA3_512(NISTObjectIdentifiers.id_sha3_512, "SHA3-512");

        final AlgorithmIdentifier id;
        private final String jcaName;

        Digest(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, String jcaName) {
            this.id = new AlgorithmIdentifier(oid);
            this.jcaName = jcaName;
        }

        /** The JDK's digest (CPU intrinsics for SHA-2): a tree of 1,000,000 leaves hashes ≈ 2,000,000 times. */
        byte[] digest(byte[]... parts) {
            MessageDigest calculator;
            try {
                calculator = MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no digest " + this, e);
            }
            for (byte[] part : parts) {
                calculator.update(part);
            }
            return calculator.digest();
        }

        static Digest of(AlgorithmIdentifier algorithm) {
            for (Digest digest : values()) {
                if (digest.id.getAlgorithm().equals(algorithm.getAlgorithm())) {
                    return digest;
                }
            }
            throw new IllegalArgumentException("unsupported digest " + algorithm.getAlgorithm());
        }
    }

    /**
     * One data object of a batch: the digests of an entry's parts (with the batch's algorithm), each already
     * folded with the hash of the entry's earlier archive time-stamp sequence on a hash-tree renewal.
     */
    record Leaf(String entryId, List<byte[]> digests) {
        Leaf {
            if (digests.isEmpty()) {
                throw new IllegalArgumentException("an entry without parts has nothing to preserve");
            }
            digests = List.copyOf(digests);
        }
    }

    /** A sealed batch: its time-stamp token and per entry the reduced hash tree (null: the token covers it alone). */
    record Sealed(byte[] token, Map<String, byte[]> reducedHashTrees, Instant producedAt, Instant tsaNotAfter) {
    }

    /** One archive time-stamp chain of an entry as stored: its own first time-stamp and the batch's renewals. */
    record Chain(Digest digest, byte[] reducedHashTree, byte[] token, List<byte[]> renewals) {
        Chain {
            renewals = List.copyOf(renewals);
        }
    }

    private EvidenceRecords() {
    }

    /**
     * One archive time-stamp over the Merkle tree of {@code leaves} (RFC 4998 §4.2): one TSA call. The tree is built
     * here, as BouncyCastle's {@code BinaryTreeRootCalculator} builds it (sorted leaves, each branch the hash of its
     * two children in ascending order, an odd last node promoted), because its {@code ERSArchiveTimeStampGenerator}
     * keeps the leaves in a linked list searched by index: cubic in the batch size (4,000 leaves took 4 minutes).
     * BouncyCastle's record validation and DSS's check the result (EvidenceRecordsTest, EvidenceRecordIT).
     */
    static Sealed seal(List<Leaf> leaves, Digest digest, TimestampSource tsa) {
        int count = leaves.size();
        byte[][][] members = new byte[count][][];
        Integer[] order = new Integer[count];
        byte[][] nodeHashes = new byte[count][];
        for (int i = 0; i < count; i++) {
            List<byte[]> sorted = new ArrayList<>(leaves.get(i).digests());
            sorted.sort(Arrays::compareUnsigned);
            members[i] = sorted.toArray(new byte[0][]);
            nodeHashes[i] = members[i].length == 1 ? members[i][0] : digest.digest(members[i]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(nodeHashes[a], nodeHashes[b]));
        List<byte[][]> rows = new ArrayList<>();
        byte[][] row = new byte[count][];
        for (int position = 0; position < count; position++) {
            row[position] = nodeHashes[order[position]];
        }
        rows.add(row);
        while (row.length > 1) {
            byte[][] next = new byte[(row.length + 1) / 2][];
            for (int i = 0; i + 1 < row.length; i += 2) {
                next[i / 2] = branch(digest, row[i], row[i + 1]);
            }
            if (row.length % 2 == 1) {
                next[next.length - 1] = row[row.length - 1];
            }
            rows.add(next);
            row = next;
        }
        byte[] root = row[0];
        byte[] token = tsa.timestamp(digest.id.getAlgorithm().getId(), root);
        try {
            TimeStampToken parsed = new TimeStampToken(ContentInfo.getInstance(token));
            if (!Arrays.equals(parsed.getTimeStampInfo().getMessageImprintDigest(), root)) {
                throw new IllegalStateException("the TSA time-stamped another digest than the batch's root");
            }
            Map<String, byte[]> trees = new java.util.LinkedHashMap<>();
            for (int position = 0; position < count; position++) {
                int leaf = order[position];
                if (count == 1 && members[leaf].length == 1) {
                    trees.put(leaves.get(leaf).entryId(), null); // the token's imprint is the leaf itself
                    continue;
                }
                List<PartialHashtree> path = new ArrayList<>();
                path.add(new PartialHashtree(members[leaf]));
                int index = position;
                for (int level = 0; level < rows.size() - 1; level++) {
                    byte[][] current = rows.get(level);
                    boolean promoted = index == current.length - 1 && current.length % 2 == 1;
                    if (!promoted) {
                        path.add(new PartialHashtree(current[(index & 1) == 0 ? index + 1 : index - 1]));
                    }
                    index /= 2;
                }
                trees.put(leaves.get(leaf).entryId(), new DERSequence(path.toArray(new PartialHashtree[0]))
                        .getEncoded(ASN1Encoding.DER));
            }
            return new Sealed(token, trees, parsed.getTimeStampInfo().getGenTime().toInstant(), tsaNotAfter(parsed));
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("archive time-stamp over " + count + " entries failed: " + e.getMessage(),
                    e);
        }
    }

    /** A branch of the tree: the hash of its two children in ascending order (RFC 4998 §4.2). */
    private static byte[] branch(Digest digest, byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? digest.digest(a, b) : digest.digest(b, a);
    }

    /**
     * Time-stamp renewal (RFC 4998 §5.2) of a batch, using any one entry's record ({@code sample}): every entry
     * of the batch ends its chain in the same time-stamps, so the new archive time-stamp is the same for all.
     *
     * @return the new archive time-stamp (DER), to be appended to the batch's chain
     */
    static byte[] renewTimestamp(byte[] sample, TimestampSource tsa) {
        try {
            ERSEvidenceRecord record = new ERSEvidenceRecord(sample, DIGESTS);
            TimeStampRequest request = record.generateTimeStampRenewalRequest(new TimeStampRequestGenerator());
            byte[] token = tsa.timestamp(request.getMessageImprintAlgOID().getId(), request.getMessageImprintDigest());
            ERSEvidenceRecord renewed = record.renewTimeStamp(response(token));
            ArchiveTimeStampChain[] chains = renewed.toASN1Structure().getArchiveTimeStampSequence()
                    .getArchiveTimeStampChains();
            ArchiveTimeStamp[] last = chains[chains.length - 1].getArchiveTimestamps();
            return last[last.length - 1].getEncoded(ASN1Encoding.DER);
        } catch (IOException | TSPException | ERSException e) {
            throw new IllegalStateException("time-stamp renewal failed: " + e.getMessage(), e);
        }
    }

    /**
     * The hash of an entry's archive time-stamp sequence so far with {@code digest} (RFC 4998 §5.2, hash-tree
     * renewal): folded into each part digest of the entry's next leaf.
     */
    static byte[] sequenceHash(byte[] record, Digest digest) {
        try {
            return digest.digest(EvidenceRecord.getInstance(record).getArchiveTimeStampSequence()
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** h(d) folded with the hash of the earlier sequence: H(h(d) || ha(atsc)) (RFC 4998 §5.2, as BouncyCastle). */
    static byte[] folded(Digest digest, byte[] partDigest, byte[] sequenceHash) {
        return sequenceHash == null ? partDigest : digest.digest(partDigest, sequenceHash);
    }

    /** The DER evidence record of one entry from its stored chains (oldest first). */
    static byte[] assemble(List<Chain> chains) {
        try {
            EvidenceRecord record = null;
            for (Chain chain : chains) {
                ArchiveTimeStamp first = chain.reducedHashTree() == null
                        ? new ArchiveTimeStamp(null, null, ContentInfo.getInstance(chain.token()))
                        : new ArchiveTimeStamp(chain.digest().id, trees(chain.reducedHashTree()),
                                ContentInfo.getInstance(chain.token()));
                record = record == null ? new EvidenceRecord(null, null, first)
                        : record.addArchiveTimeStamp(first, true);
                for (byte[] renewal : chain.renewals()) {
                    record = record.addArchiveTimeStamp(ArchiveTimeStamp.getInstance(renewal), false);
                }
            }
            if (record == null) {
                throw new IllegalArgumentException("an evidence record needs at least one chain");
            }
            return record.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the TSA certificate behind an archive time-stamp (or a bare token) ends. */
    static Instant validUntil(byte[] archiveTimeStampOrToken) {
        try {
            ContentInfo token;
            try {
                token = ArchiveTimeStamp.getInstance(archiveTimeStampOrToken).getTimeStamp();
            } catch (IllegalArgumentException notAnArchiveTimeStamp) {
                token = ContentInfo.getInstance(archiveTimeStampOrToken);
            }
            return tsaNotAfter(new TimeStampToken(token));
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("unreadable time-stamp: " + e.getMessage(), e);
        }
    }

    private static Instant tsaNotAfter(TimeStampToken token) {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new IllegalStateException("the TSA's token does not carry its certificate");
        }
        return matches.iterator().next().getNotAfter().toInstant();
    }

    private static PartialHashtree[] trees(byte[] encoded) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(encoded);
        PartialHashtree[] trees = new PartialHashtree[sequence.size()];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = PartialHashtree.getInstance(sequence.getObjectAt(i));
        }
        return trees;
    }

    private static TimeStampResponse response(byte[] token) throws TSPException, IOException {
        return new TimeStampResponse(new TimeStampResp(new PKIStatusInfo(PKIStatus.granted),
                ContentInfo.getInstance(token)));
    }
}
