package be.paraaf.demo.pki;

/** Status of an issued certificate in the index. Expiry is not a status: notAfter tells it. */
public enum CertificateStatus {
    GOOD,
    REVOKED
}
