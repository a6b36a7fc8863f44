package be.paraaf.validation;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * A last look at a signature DSS did not validate at all: is its /Contents a CMS SignedData (RFC 5652) at
 * all, and does it match the bytes its byte range names? That decides between "broken" (INVALID) and "not
 * the usual layout, intact as far as it can be checked" (INDETERMINATE). No chain or revocation check:
 * that is DSS's work and it did not run.
 */
final class CmsCheck {

    enum Outcome { NOT_CMS, MATCHES, DOES_NOT_MATCH }

    record Result(Outcome outcome, String signer) {
    }

    private CmsCheck() {
    }

    static Result check(byte[] pdf, long[] byteRange, byte[] contents) {
        if (contents == null || contents.length == 0) {
            return new Result(Outcome.NOT_CMS, null);
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(contents);
        } catch (Exception e) {
            return new Result(Outcome.NOT_CMS, null);
        }
        byte[] signed = signedBytes(pdf, byteRange);
        if (signed == null) {
            return new Result(Outcome.DOES_NOT_MATCH, signerOf(cms));
        }
        try {
            if (PKCSObjectIdentifiers.id_ct_TSTInfo.getId().equals(cms.getSignedContentTypeOID())) {
                TimeStampToken token = new TimeStampToken(cms);
                MessageDigest digest = MessageDigest.getInstance(
                        token.getTimeStampInfo().getMessageImprintAlgOID().getId());
                boolean matches = Arrays.equals(digest.digest(signed), token.getTimeStampInfo().getMessageImprintDigest());
                return new Result(matches ? Outcome.MATCHES : Outcome.DOES_NOT_MATCH, signerOf(cms));
            }
            CMSSignedData detached = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            Store<X509CertificateHolder> certificates = detached.getCertificates();
            for (SignerInformation signer : detached.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = certificates.getMatches(signer.getSID());
                if (matches.isEmpty()) {
                    return new Result(Outcome.DOES_NOT_MATCH, null);
                }
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                    return new Result(Outcome.DOES_NOT_MATCH, signerOf(cms));
                }
            }
            return new Result(Outcome.MATCHES, signerOf(cms));
        } catch (Exception e) { // an unknown digest algorithm, a certificate or signer that cannot be read
            return new Result(Outcome.DOES_NOT_MATCH, signerOf(cms));
        }
    }

    /** The bytes of every (offset, length) pair, when they all lie in the file. */
    private static byte[] signedBytes(byte[] pdf, long[] byteRange) {
        if (byteRange == null || byteRange.length < 2 || byteRange.length % 2 != 0) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < byteRange.length; i += 2) {
            long offset = byteRange[i];
            long length = byteRange[i + 1];
            if (offset < 0 || length < 0 || offset + length > pdf.length) {
                return null;
            }
            out.write(pdf, (int) offset, (int) length);
        }
        return out.toByteArray();
    }

    private static String signerOf(CMSSignedData cms) {
        try {
            for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
                if (!matches.isEmpty()) {
                    return matches.iterator().next().getSubject().toString();
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
