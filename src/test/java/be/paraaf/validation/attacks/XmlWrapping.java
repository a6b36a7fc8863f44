package be.paraaf.validation.attacks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML signature wrapping (XSW, McIntyre/Somorovsky et al.) on paraaf's own enveloped XAdES: the signed
 * content or the signed properties are moved into a wrapper where the reference still finds them while the
 * application reads a forged copy, plus the duplicate-Id and plain-edit baselines.
 */
final class XmlWrapping {

    static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <payment id="order-1"><amount currency="EUR">2400.00</amount><to>BE71 0961 2345 6769</to></payment>
            """;

    private XmlWrapping() {
    }

    static List<Attack> attacks(AttackCorpus.XmlSigner signer) {
        String signed = new String(signer.sign(DOCUMENT.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        List<Attack> attacks = new ArrayList<>();
        Set<String> broken = Set.of("HASH_MISMATCH", "SIGNATURE_UNREADABLE");

        attacks.add(xml("xsw-amount-edited", "The signed amount is edited in place (baseline: the reference digest"
                + " fails)", signed.replace(">2400.00<", ">24.00<"), broken));

        // the signature element, with its namespace prefix as DSS wrote it
        Matcher signature = Pattern.compile("<(\\w+:)?Signature[ >].*</\\1?Signature>", Pattern.DOTALL).matcher(signed);
        if (!signature.find()) {
            throw new IllegalStateException("no ds:Signature in " + signed);
        }
        String prefix = signature.group(1) == null ? "" : signature.group(1);
        String signatureXml = signature.group();
        String original = "<amount currency=\"EUR\">2400.00</amount><to>BE71 0961 2345 6769</to>";
        String forged = "<amount currency=\"EUR\">24.00</amount><to>BE02 0000 0000 0040</to>";

        // XSW: a forged payment is the root, the original signed payment moved into a ds:Object of the signature
        String withObject = signatureXml.replace("</" + prefix + "Signature>", "<" + prefix + "Object>"
                + signed.substring(signed.indexOf("<payment"), signature.start()) + "</payment></" + prefix
                + "Object></" + prefix + "Signature>");
        String wrappedRoot = signed.substring(0, signed.indexOf("<payment")) + "<payment id=\"order-1\">" + forged
                + withObject + "</payment>\n";
        attacks.add(xml("xsw-document-wrapped-in-object", "The original signed document is moved into a ds:Object"
                + " of the signature; a forged document takes the root", wrappedRoot, broken));

        // XSW on the signed properties: a forged SignedProperties with the same Id placed first
        Matcher properties = Pattern.compile("<(\\w+:)?SignedProperties [^>]*Id=\"([^\"]+)\"[^>]*>.*?</\\1?SignedProperties>",
                Pattern.DOTALL).matcher(signed);
        if (properties.find()) {
            String copy = properties.group().replaceAll("SigningTime>[^<]+<", "SigningTime>2020-01-01T00:00:00Z<");
            String duplicated = signed.substring(0, properties.start()) + copy + properties.group()
                    + signed.substring(properties.end());
            attacks.add(xml("xsw-duplicate-signed-properties-id", "A forged SignedProperties (earlier signing time)"
                    + " with the same Id is inserted before the signed one", duplicated, broken));
        }

        // a second, unsigned payment element after the signed one (which one does the application read?)
        String appended = signed.replace(signatureXml, signatureXml + "<payment id=\"order-1\">" + forged + "</payment>");
        attacks.add(xml("xsw-unsigned-sibling-appended", "A forged payment element with the same id is added after"
                + " the signature, outside nothing the reference excludes", appended, broken));
        if (!signed.contains(original)) {
            throw new IllegalStateException("signed XML lost the payment: " + signed);
        }
        return attacks;
    }

    private static Attack xml(String name, String description, String xml, Set<String> expected) {
        return new Attack(name, "XSW", description, xml.getBytes(StandardCharsets.UTF_8), 1, expected, "xml");
    }
}
