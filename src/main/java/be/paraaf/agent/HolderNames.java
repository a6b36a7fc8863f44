package be.paraaf.agent;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The card holder's name as the agent shows it, from an eID certificate's subject. */
public final class HolderNames {

    private HolderNames() {
    }

    /** "Given Surname" from an eID subject, or its CN. */
    public static String of(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String given = first(subject, BCStyle.GIVENNAME);
        String surname = first(subject, BCStyle.SURNAME);
        if (given != null && surname != null) {
            return given + " " + surname;
        }
        String commonName = first(subject, BCStyle.CN);
        return commonName != null ? commonName : subject.toString();
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
