package be.paraaf.demo.pki;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Plain-Java settings of the demo PKI, so the CLI and tests can build one without Spring.
 *
 * @param keystorePassword protects {@code pki/keystore.p12} (the CA, TSA, OCSP and seal keys)
 * @param caValidity lifetime of the root and issuing CA certificates
 * @param endEntityValidity lifetime of citizen, remote-signing, TSA and seal certificates
 * @param responderValidity lifetime of the delegated OCSP responder certificates (renewed at start
 *        when less than a third is left, since they carry id-pkix-ocsp-nocheck)
 * @param crlNextUpdate distance between a CRL's thisUpdate and nextUpdate
 * @param ocspNextUpdate distance between an OCSP response's thisUpdate and nextUpdate
 * @param tsaPolicyOid the RFC 3161 TSA policy written into every time-stamp token
 * @param tsaValidity lifetime of a TSA certificate; the TSA key is rotated (new key, new certificate) when
 *        less than a third of it is left, as real TSAs do, so time-stamps made after that point outlive the
 *        previous certificate — what archive renewal (ETSI EN 319 142-1 LTA) relies on
 */
public record PkiSettings(
        String keystorePassword,
        Duration caValidity,
        Duration endEntityValidity,
        Duration responderValidity,
        Duration crlNextUpdate,
        Duration ocspNextUpdate,
        String tsaPolicyOid,
        Duration tsaValidity) {

    /** An OID under the UUID arc 2.25 (ITU-T X.667), minted once for paraaf's demo TSA policy. */
    public static final String DEFAULT_TSA_POLICY_OID = "2.25.215386744937962311938658427094655287839";

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9]\\d*))+");

    public PkiSettings {
        if (keystorePassword == null || keystorePassword.isEmpty()) {
            throw new IllegalArgumentException("keystore password is missing");
        }
        requirePositive("caValidity", caValidity);
        requirePositive("endEntityValidity", endEntityValidity);
        requirePositive("responderValidity", responderValidity);
        requirePositive("crlNextUpdate", crlNextUpdate);
        requirePositive("ocspNextUpdate", ocspNextUpdate);
        if (tsaPolicyOid == null || !OID.matcher(tsaPolicyOid).matches()) {
            throw new IllegalArgumentException("TSA policy must be a dotted OID: " + tsaPolicyOid);
        }
        requirePositive("tsaValidity", tsaValidity);
        if (tsaValidity.compareTo(caValidity) > 0) {
            throw new IllegalStateException("TSA validity must not exceed CA validity");
        }
        if (endEntityValidity.compareTo(caValidity) > 0) {
            throw new IllegalStateException("end-entity validity must not exceed CA validity");
        }
    }

    /** Settings whose TSA certificates live as long as other end-entity certificates. */
    public PkiSettings(String keystorePassword, Duration caValidity, Duration endEntityValidity,
            Duration responderValidity, Duration crlNextUpdate, Duration ocspNextUpdate, String tsaPolicyOid) {
        this(keystorePassword, caValidity, endEntityValidity, responderValidity, crlNextUpdate, ocspNextUpdate,
                tsaPolicyOid, endEntityValidity);
    }

    /** The defaults of the dev profile: 10-year CAs, 2-year end entities, 30-day responders. */
    public static PkiSettings defaults() {
        return new PkiSettings("paraaf-demo", Duration.ofDays(3650), Duration.ofDays(730), Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofHours(1), DEFAULT_TSA_POLICY_OID);
    }

    public PkiSettings withKeystorePassword(String password) {
        return new PkiSettings(password, caValidity, endEntityValidity, responderValidity, crlNextUpdate,
                ocspNextUpdate, tsaPolicyOid, tsaValidity);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name + " is missing");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
