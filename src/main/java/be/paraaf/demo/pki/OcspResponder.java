package be.paraaf.demo.pki;

import be.paraaf.signing.KeyCredential;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6960 OCSP responder of the demo PKI. Each response is signed by the delegated responder of the
 * CA that issued the certificates asked about (§4.2.2.2), with that responder's certificate included,
 * the request nonce echoed, and thisUpdate/nextUpdate set. Status comes from the index: good, revoked
 * (time and reason) or unknown. A request that cannot be parsed gets {@code malformedRequest}; one about
 * a CA this PKI does not run, or mixing CAs, gets {@code unauthorized}. Nothing is thrown.
 */
public final class OcspResponder {

    private static final Logger log = LoggerFactory.getLogger(OcspResponder.class);

    private final DemoPki pki;
    private final Clock clock;
    private final Duration nextUpdate;

    OcspResponder(DemoPki pki, Clock clock, Duration nextUpdate) {
        this.pki = pki;
        this.clock = clock;
        this.nextUpdate = nextUpdate;
    }

    /** Answers a DER {@code OCSPRequest} with a DER {@code OCSPResponse}. */
    public byte[] respond(byte[] requestDer) {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            Req[] requests = request.getRequestList();
            if (requests.length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CaId ca = null;
            for (Req single : requests) {
                Optional<CaId> issuer = issuerOf(single.getCertID(), digests);
                if (issuer.isEmpty() || (ca != null && issuer.get() != ca)) {
                    return status(OCSPRespBuilder.UNAUTHORIZED);
                }
                ca = issuer.get();
            }
            KeyCredential responder = pki.ocspResponderCredential(ca);
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(responder.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = clock.instant();
            for (Req single : requests) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, statusOf(id, ca), Date.from(now), Date.from(now.plus(nextUpdate)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(responder.privateKey()),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(responder.certificate())},
                    Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            log.error("OCSP request failed", e);
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private Optional<CaId> issuerOf(CertificateID id, DigestCalculatorProvider digests) throws Exception {
        for (CaId ca : CaId.values()) {
            try {
                if (id.matchesIssuer(new JcaX509CertificateHolder(pki.caCertificate(ca)), digests)) {
                    return Optional.of(ca);
                }
            } catch (OCSPException e) {
                // a hash algorithm we cannot compute: this request is about no CA of ours
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private org.bouncycastle.cert.ocsp.CertificateStatus statusOf(CertificateID id, CaId ca) {
        Optional<IssuedCertificate> entry = pki.issuedCertificates().stream()
                .filter(e -> e.issuer() == ca && e.serial().equals(id.getSerialNumber()))
                .findFirst();
        if (entry.isEmpty()) {
            return new UnknownStatus();
        }
        if (entry.get().revoked()) {
            return new RevokedStatus(Date.from(entry.get().revocationTime()), entry.get().revocationReason().code());
        }
        // BouncyCastle encodes "good" as null, so this must not go through Optional.map
        return org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSPResponse", e);
        }
    }
}
