package be.paraaf.signing;

import be.paraaf.system.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads a signer's certificate chain as a client sends it: PEM (one or more blocks), DER, or base64 DER. */
public final class CertificateChains {

    private static final int MAX_CHAIN_LENGTH = 10;

    private CertificateChains() {
    }

    /** Parses the chain, signing certificate first. */
    public static List<X509Certificate> parse(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw invalid("The signer certificate chain is missing.", null);
        }
        byte[] input = encoded;
        String text = new String(encoded, java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (text.contains("-----BEGIN")) {
            // keep only the certificate blocks: bundles from openssl carry keys and "Bag Attributes" text too
            input = certificateBlocks(text).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } else if (text.matches("[A-Za-z0-9+/=\\s]+")) {
            try {
                input = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw invalid("The signer certificate is neither PEM, DER nor base64 DER.", e);
            }
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(input))) {
                chain.add((X509Certificate) certificate);
                if (chain.size() > MAX_CHAIN_LENGTH) {
                    throw invalid("The certificate chain has more than " + MAX_CHAIN_LENGTH + " certificates.", null);
                }
            }
            if (chain.isEmpty()) {
                throw invalid("No certificate found in the signer certificate chain.", null);
            }
            return List.copyOf(chain);
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw invalid("The signer certificate chain cannot be read: it is not an X.509 certificate in PEM, DER or"
                    + " base64 form.", e);
        }
    }

    /** Parses each base64 DER entry (the JSON form of a chain). */
    public static List<X509Certificate> parseBase64(List<String> derBase64) {
        if (derBase64 == null || derBase64.isEmpty()) {
            throw invalid("The signer certificate chain is missing.", null);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String entry : derBase64) {
            chain.addAll(parse(entry.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        return List.copyOf(chain);
    }

    private static String certificateBlocks(String pem) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----").matcher(pem);
        StringBuilder blocks = new StringBuilder();
        while (matcher.find()) {
            blocks.append(matcher.group()).append('\n');
        }
        if (blocks.isEmpty()) {
            throw invalid("The PEM text holds no CERTIFICATE block.", null);
        }
        return blocks.toString();
    }

    private static InvalidInputException invalid(String detail, Throwable cause) {
        return new InvalidInputException("invalid-certificate", detail, cause);
    }
}
