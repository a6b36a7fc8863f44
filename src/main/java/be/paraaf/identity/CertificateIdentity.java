package be.paraaf.identity;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Who a certificate names: the holder's name, and the national register number in its subject SERIALNUMBER (2.5.4.5): the bare 11 digits as on
 * the Belgian eID, or the ETSI EN 319 412-1 semantics identifier form {@code PNOBE-<number>}.
 */
public final class CertificateIdentity {

    private static final String SERIAL_NUMBER_OID = "2.5.4.5";

    private CertificateIdentity() {
    }

    /** "Given Surname" from an eID-style subject (GIVENNAME, SURNAME), else its common name, else the whole subject. */
    public static String holderName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String given = attribute(subject, BCStyle.GIVENNAME);
        String surname = attribute(subject, BCStyle.SURNAME);
        if (given != null && surname != null) {
            return given + " " + surname;
        }
        String commonName = attribute(subject, BCStyle.CN);
        return commonName != null ? commonName : subject.toString();
    }

    private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
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
