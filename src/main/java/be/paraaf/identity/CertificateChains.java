package be.paraaf.identity;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificate chains in and out: as a client sends them (PEM with one or more blocks, DER, or base64 DER; refused in
 * words when unreadable), and as paraaf stores them (DER per certificate, or base64 DER joined by commas).
 */
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

    /** DER of each certificate, signing certificate first: for storing. */
    public static List<byte[]> toDer(List<X509Certificate> chain) {
        List<byte[]> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate always has an encoding", e);
            }
        }
        return encoded;
    }

    /** The certificate's DER in base64: the JSON and database form of one certificate. */
    public static String toBase64(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(toDer(List.of(certificate)).get(0));
    }

    /** Base64 DER of each certificate joined by commas: the one-column database form of a chain. */
    public static String toStoredText(List<X509Certificate> chain) {
        return String.join(",", chain.stream().map(CertificateChains::toBase64).toList());
    }

    /** A chain paraaf stored itself (see {@link #toDer}); unreadable means damaged storage, not bad input. */
    public static List<X509Certificate> fromDer(List<byte[]> encoded) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (byte[] der : encoded) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw new IllegalStateException("stored certificate chain unreadable", e);
        }
    }

    /** A chain stored by {@link #toStoredText}. */
    public static List<X509Certificate> fromStoredText(String stored) {
        return fromDer(java.util.Arrays.stream(stored.split(",")).map(Base64.getDecoder()::decode).toList());
    }

    private static InvalidInputException invalid(String detail, Throwable cause) {
        return new InvalidInputException(ProblemType.INVALID_CERTIFICATE, detail, cause);
    }
}
