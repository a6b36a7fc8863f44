package be.paraaf.demo.pki;

import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo PKI's public protocol endpoints: RFC 3161 over HTTP (§3.4), RFC 6960 OCSP over HTTP
 * (Appendix A, POST and GET), CRLs and CA certificates for the URLs written into issued certificates
 * (RFC 5280 §4.2.1.13, §4.2.2.1). No authentication, like a public CA's repository. Protocol errors are
 * answered in the protocol (a TimeStampResp or OCSPResponse with an error status), not as problems.
 */
@RestController
@ConditionalOnDemoPki
@RequestMapping("/pki")
class PkiController {

    static final MediaType TIMESTAMP_QUERY = MediaType.parseMediaType("application/timestamp-query");
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");
    static final MediaType OCSP_REQUEST = MediaType.parseMediaType("application/ocsp-request");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final DemoPki pki;

    PkiController(DemoPki pki) {
        this.pki = pki;
    }

    @PostMapping(path = "/tsa", consumes = "application/timestamp-query")
    ResponseEntity<byte[]> timeStamp(@RequestBody(required = false) byte[] request) {
        byte[] response = pki.timeStampResponder().respond(request == null ? new byte[0] : request);
        return ResponseEntity.ok().contentType(TIMESTAMP_REPLY).cacheControl(CacheControl.noStore()).body(response);
    }

    @PostMapping(path = "/ocsp", consumes = "application/ocsp-request")
    ResponseEntity<byte[]> ocsp(@RequestBody(required = false) byte[] request) {
        return ocspResponse(pki.ocspResponder().respond(request == null ? new byte[0] : request));
    }

    /** RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER OCSPRequest}; base64url accepted too. */
    @GetMapping("/ocsp/{*request}")
    ResponseEntity<byte[]> ocspGet(@PathVariable("request") String request) {
        return ocspResponse(pki.ocspResponder().respond(decodeBase64(request)));
    }

    @GetMapping("/crl/{caId}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String caId) {
        byte[] crl = pki.crl(CaId.fromId(caId));
        return ResponseEntity.ok().contentType(PKIX_CRL).cacheControl(CacheControl.noCache()).body(crl);
    }

    @GetMapping("/ca/{caId}.crt")
    ResponseEntity<byte[]> caCertificate(@PathVariable String caId) {
        byte[] der = DemoPki.encoded(pki.caCertificate(CaId.fromId(caId)));
        return ResponseEntity.ok().contentType(PKIX_CERT).body(der);
    }

    private static ResponseEntity<byte[]> ocspResponse(byte[] response) {
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).cacheControl(CacheControl.noStore()).body(response);
    }

    /** Undecodable text yields no bytes, which the responder answers with malformedRequest. */
    static byte[] decodeBase64(String text) {
        String normalised = text.replaceFirst("^/+", "").replaceAll("\\s", "").replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(normalised);
        } catch (IllegalArgumentException e) {
            try {
                // unpadded base64url
                return Base64.getDecoder().decode(normalised + "=".repeat((4 - normalised.length() % 4) % 4));
            } catch (IllegalArgumentException again) {
                return new byte[0];
            }
        }
    }
}
