package be.paraaf.identity;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The national register number in a certificate's subject SERIALNUMBER (2.5.4.5): the bare 11 digits as on
 * the Belgian eID, or the ETSI EN 319 412-1 semantics identifier form {@code PNOBE-<number>}.
 */
public final class CertificateIdentity {

    private static final String SERIAL_NUMBER_OID = "2.5.4.5";

    private CertificateIdentity() {
    }

    /** The subject's national register number, if it has a valid one. */
    public static Optional<NationalRegisterNumber> nationalNumber(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253,
                Map.of(SERIAL_NUMBER_OID, "SERIALNUMBER"));
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                if ("SERIALNUMBER".equalsIgnoreCase(rdn.getType()) && rdn.getValue() instanceof String value) {
                    String candidate = value.startsWith("PNOBE-") ? value.substring(6) : value;
                    if (NationalRegisterNumber.isValid(candidate)) {
                        return Optional.of(NationalRegisterNumber.parse(candidate));
                    }
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
