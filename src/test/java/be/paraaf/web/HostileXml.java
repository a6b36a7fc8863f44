package be.paraaf.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** XML built to break parsers and signature checkers: entity expansion, DOCTYPEs, deep nesting, empty signatures. */
final class HostileXml {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private HostileXml() {
    }

    static List<byte[]> crafted() {
        List<String> all = new ArrayList<>();
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">\n");
        }
        all.add(laughs.append("]>\n<lolz>&lol9;</lolz>\n").toString());
        all.add("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>");
        all.add("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">\n<r/>");
        all.add("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x\"> %p;]>\n<r/>");
        all.add("<?xml version=\"1.0\"?>\n" + "<a>".repeat(100_000) + "</a>".repeat(100_000));
        all.add("<?xml version=\"1.0\"?>\n<a>" + "<b>".repeat(100_000));
        all.add("<?xml version=\"1.0\"?>\n<r><ds:Signature xmlns:ds=\"" + DS + "\"/></r>");
        all.add("<?xml version=\"1.0\"?>\n<ds:Signature xmlns:ds=\"" + DS + "\"></ds:Signature>");
        all.add("<?xml version=\"1.0\"?>\n<r><ds:Signature xmlns:ds=\"" + DS + "\"><ds:SignedInfo/>"
                + "<ds:SignatureValue>!!</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>AAAA"
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></r>");
        all.add("<?xml version=\"1.0\"?>\n<r><ds:Signature xmlns:ds=\"" + DS + "\"><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"urn:nope\"/><ds:SignatureMethod Algorithm=\"urn:nope\"/>"
                + "<ds:Reference URI=\"http://127.0.0.1:1/x\"><ds:DigestMethod Algorithm=\"urn:nope\"/>"
                + "<ds:DigestValue>AA==</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                + "<ds:SignatureValue>AA==</ds:SignatureValue></ds:Signature></r>");
        all.add("<?xml version=\"1.0\"?>\n<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></r>");
        all.add("<?xml version=\"1.0\"?>\n<r " + "a=\"1\" ".repeat(1).replace("a", "a0") + attributes(20_000) + "/>");
        all.add("<?xml version=\"1.0\"?>\n<r a=\"" + "x".repeat(2_000_000) + "\"/>");
        all.add("<?xml version=\"1.0\" encoding=\"no-such-encoding\"?>\n<r/>");
        all.add("<?xml version=\"9.9\"?>\n<r/>");
        all.add("<");
        all.add("<r>");
        all.add("<?xml-stylesheet href=\"http://127.0.0.1:1/x.xsl\"?><r/>");
        return all.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String attributes(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("a").append(i).append("=\"").append(i).append("\" ");
        }
        return text.toString();
    }

    static byte[] mutate(byte[] good, Random random) {
        String text = new String(good, StandardCharsets.UTF_8);
        StringBuilder damaged = new StringBuilder(text);
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    String noise = "<>&\"'/=x\u0000;:";
                    damaged.setCharAt(random.nextInt(damaged.length()), noise.charAt(random.nextInt(noise.length())));
                }
            }
            case 1 -> damaged.setLength(random.nextInt(damaged.length()));
            case 2 -> {
                int open = text.indexOf("<ds:SignatureValue");
                int close = text.indexOf("</ds:SignatureValue>");
                if (open >= 0 && close > open) {
                    damaged.replace(open, close + 20, random.nextBoolean() ? "" : "<ds:SignatureValue>"
                            + "A".repeat(random.nextInt(400)) + "</ds:SignatureValue>");
                } else {
                    damaged.insert(text.indexOf('>') + 1, "<!DOCTYPE r [<!ENTITY e \"e\">]>");
                }
            }
            default -> {
                String[] elements = {"ds:SignedInfo", "ds:Reference", "ds:KeyInfo", "ds:Object", "xades:SignedProperties",
                        "ds:X509Certificate", "ds:DigestValue"};
                String element = elements[random.nextInt(elements.length)];
                int open = text.indexOf("<" + element);
                int close = text.indexOf("</" + element + ">");
                if (open >= 0 && close > open) {
                    damaged.replace(open, close + element.length() + 3, "");
                } else {
                    damaged.append("<junk/>");
                }
            }
        }
        return damaged.toString().getBytes(StandardCharsets.UTF_8);
    }
}
