package be.paraaf.demo.pki;

import be.paraaf.signing.KeyCredential;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 time-stamp authority of the demo PKI. Accepts SHA-256, SHA-384 and SHA-512 message imprints,
 * echoes the nonce, includes the TSA certificate chain when the request sets {@code certReq}, and writes
 * the configured TSA policy, a random serial and an accuracy of one second into each token (signed with
 * SHA-256 and an ESSCertIDv2). Every request gets a {@code TimeStampResp}: malformed or unsupported ones
 * a rejection with PKIFailureInfo badDataFormat, badAlg or unacceptedPolicy; nothing is thrown.
 */
public final class TimeStampResponder {

    private static final Set<ASN1ObjectIdentifier> ACCEPTED_ALGORITHMS = Set.of(
            TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);
    private static final Logger log = LoggerFactory.getLogger(TimeStampResponder.class);

    private final Supplier<KeyCredential> tsa;
    private final ASN1ObjectIdentifier policy;
    private final Clock clock;
    private final SecureRandom random;

    TimeStampResponder(KeyCredential tsa, String policyOid, Clock clock, SecureRandom random) {
        this(() -> tsa, policyOid, clock, random);
    }

    /** @param tsa the TSA key in use at the moment of each request (the demo PKI rotates it) */
    TimeStampResponder(Supplier<KeyCredential> tsa, String policyOid, Clock clock, SecureRandom random) {
        this.tsa = tsa;
        this.policy = new ASN1ObjectIdentifier(policyOid);
        this.clock = clock;
        this.random = random;
    }

    /** Answers a DER {@code TimeStampReq} with a DER {@code TimeStampResp}. */
    public byte[] respond(byte[] requestDer) {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(requestDer);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return failure(PKIFailureInfo.badDataFormat, "The request is not a DER-encoded RFC 3161 TimeStampReq.");
        }
        try {
            KeyCredential key = tsa.get();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key.privateKey(),
                            key.certificate()),
                    sha256(), policy);
            tokens.setAccuracySeconds(1);
            // added to the token only if the request asks for them (certReq)
            tokens.addCertificates(new JcaCertStore(key.chain()));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, ACCEPTED_ALGORITHMS,
                    Set.of(policy));
            // generate() turns validation failures (bad algorithm, wrong imprint length, other policy)
            // into a rejection with the matching failure info
            TimeStampResponse response = responses.generate(request, newSerial(), Date.from(clock.instant()));
            return response.getEncoded();
        } catch (Exception e) {
            log.error("time-stamp request failed", e);
            return failure(PKIFailureInfo.systemFailure, "The TSA could not produce a token.");
        }
    }

    public ASN1ObjectIdentifier policy() {
        return policy;
    }

    private BigInteger newSerial() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes);
    }

    private static DigestCalculator sha256() throws Exception {
        return new JcaDigestCalculatorProviderBuilder().build()
                .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
    }

    /** Built from ASN.1 directly so that producing the rejection cannot fail in turn. */
    static byte[] failure(int failureInfo, String text) {
        try {
            return new TimeStampResp(new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText(text),
                    new PKIFailureInfo(failureInfo)), null).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a TimeStampResp", e);
        }
    }
}
