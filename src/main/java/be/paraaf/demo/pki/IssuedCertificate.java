package be.paraaf.demo.pki;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One line of the index of issued certificates.
 *
 * @param revocationTime null unless revoked
 * @param revocationReason null unless revoked
 */
public record IssuedCertificate(
        BigInteger serial,
        CaId issuer,
        String subject,
        Instant notBefore,
        Instant notAfter,
        CertificateStatus status,
        Instant revocationTime,
        RevocationReason revocationReason) {

    public IssuedCertificate {
        if (serial == null || serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
        if (issuer == null || subject == null || notBefore == null || notAfter == null || status == null) {
            throw new IllegalArgumentException("index entry is incomplete");
        }
        if ((status == CertificateStatus.REVOKED) != (revocationTime != null && revocationReason != null)) {
            throw new IllegalStateException("revocation time and reason go with status REVOKED, and only with it");
        }
    }

    /** The serial as lower-case hex, the form used in URLs and by the CLI. */
    public String serialHex() {
        return serial.toString(16);
    }

    public boolean revoked() {
        return status == CertificateStatus.REVOKED;
    }

    IssuedCertificate revoke(Instant when, RevocationReason reason) {
        return new IssuedCertificate(serial, issuer, subject, notBefore, notAfter, CertificateStatus.REVOKED, when,
                reason);
    }
}
