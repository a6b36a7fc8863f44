package be.paraaf.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Completes a certificate chain that a card holds only partly, by following each certificate's Authority
 * Information Access caIssuers URL (RFC 5280 §4.2.2.1) until a self-signed certificate. A fetched issuer is
 * kept only if its subject is the certificate's issuer and its key verifies the certificate's signature.
 * Stops quietly where a certificate has no usable URL: the server can often complete the chain itself.
 */
public final class IssuerCertificates {

    private static final int MAX_DEPTH = 5;

    private final Function<URI, byte[]> fetch;

    /** {@code fetch} returns the body at a URL (DER or PEM certificate), or null if there is none. */
    public IssuerCertificates(Function<URI, byte[]> fetch) {
        this.fetch = fetch;
    }

    /** Fetches over plain HTTP(S) GET, as AIA URLs are meant to be read. */
    public static IssuerCertificates overHttp(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new IssuerCertificates(url -> {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return response.statusCode() == 200 ? response.body() : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
    }

    /** {@code chain} (signer first) extended with the issuers it lacks. */
    public List<X509Certificate> complete(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the chain is empty");
        }
        List<X509Certificate> complete = new ArrayList<>(chain);
        while (complete.size() < chain.size() + MAX_DEPTH) {
            X509Certificate last = complete.get(complete.size() - 1);
            if (selfIssued(last)) {
                break;
            }
            Optional<X509Certificate> issuer = fetchIssuer(last);
            if (issuer.isEmpty() || complete.contains(issuer.get())) {
                break;
            }
            complete.add(issuer.get());
        }
        return List.copyOf(complete);
    }

    private Optional<X509Certificate> fetchIssuer(X509Certificate certificate) {
        for (URI url : caIssuersUrls(certificate)) {
            byte[] body = fetch.apply(url);
            X509Certificate candidate = body == null ? null : parse(body);
            if (candidate != null && issued(candidate, certificate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<URI> caIssuersUrls(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return List.of();
        }
        List<URI> urls = new ArrayList<>();
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(extension).getOctets());
            for (AccessDescription description : access.getAccessDescriptions()) {
                GeneralName name = description.getAccessLocation();
                if (AccessDescription.id_ad_caIssuers.equals(description.getAccessMethod())
                        && name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String url = name.getName().toString();
                    if (url.startsWith("http://") || url.startsWith("https://")) {
                        urls.add(URI.create(url));
                    }
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return urls;
    }

    private static X509Certificate parse(byte[] body) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(body));
        } catch (GeneralSecurityException | ClassCastException e) {
            return null;
        }
    }

    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
