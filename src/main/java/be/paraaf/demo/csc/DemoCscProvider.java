package be.paraaf.demo.csc;

import be.paraaf.consent.itsme.ConsentOutcome;
import be.paraaf.consent.itsme.ConsentRequest;
import be.paraaf.consent.itsme.ItsmeService;
import be.paraaf.consent.itsme.ItsmeService.EnrolledAccount;
import be.paraaf.demo.DemoOnly;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's remote-signing provider, serving the Cloud Signature Consortium API v2 over HTTP so that paraaf's
 * production adapter (a CSC client) is the path the demo and the tests run: {@code info}, {@code oauth2/token}
 * (client credentials), {@code credentials/list|info} (a citizen's itsme account is their credential),
 * {@code credentials/authorize} in implicit mode (the itsme app is asked to approve exactly that hash, with its
 * verification code and secret code; the call answers once the citizen has) and {@code signatures/signHash}
 * (single-use SAD bound to the credential and the hash). Errors carry CSC's {@code {error, error_description}}
 * in an RFC 9457 problem.
 */
@RestController
@DemoOnly
@RequestMapping(path = "/csc/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class DemoCscProvider {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SHA256_OID = "2.16.840.1.101.3.4.2.1";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private record Activation(String credentialId, byte[] hash, byte[] signature, Instant expiresAt) {
    }

    private final ItsmeService itsme;
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Activation> activations = new ConcurrentHashMap<>();

    DemoCscProvider(ItsmeService itsme, Clock clock, @Value("${paraaf.demo.csc.client-id:paraaf}") String clientId,
            @Value("${paraaf.demo.csc.client-secret:paraaf-demo-csc}") String clientSecret) {
        this.itsme = itsme;
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @PostMapping("/info")
    Map<String, Object> info() {
        return Map.of("specs", "2.0.0.2", "name", "paraaf demo remote signing (itsme)", "region", "BE",
                "lang", "en", "authType", List.of("oauth2client"), "methods", List.of("oauth2/token",
                        "credentials/list", "credentials/info", "credentials/authorize", "signatures/signHash"));
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String id,
            @RequestParam(name = "client_secret", required = false) String secret) {
        if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Only client_credentials is supported");
        }
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            return error(401, "invalid_client", "Unknown client or wrong secret");
        }
        String token = random();
        tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", TOKEN_LIFETIME.toSeconds()));
    }

    @PostMapping("/credentials/list")
    ResponseEntity<Map<String, Object>> list(@RequestHeader(name = "Authorization", required = false) String bearer,
            @RequestBody Map<String, Object> body) {
        if (!authorised(bearer)) {
            return error(401, "invalid_token", "A valid access token is required");
        }
        Optional<EnrolledAccount> account = itsme.confirmedAccount(String.valueOf(body.get("userID")));
        return ResponseEntity.ok(Map.of("credentialIDs", account.map(a -> List.of(a.id())).orElse(List.of())));
    }

    @PostMapping("/credentials/info")
    ResponseEntity<Map<String, Object>> credentialInfo(
            @RequestHeader(name = "Authorization", required = false) String bearer,
            @RequestBody Map<String, Object> body) {
        if (!authorised(bearer)) {
            return error(401, "invalid_token", "A valid access token is required");
        }
        Optional<EnrolledAccount> account = account(body.get("credentialID"));
        if (account.isEmpty()) {
            return error(400, "invalid_request", "Unknown credentialID");
        }
        List<String> certificates = new ArrayList<>();
        for (X509Certificate certificate : itsme.signingChain(account.get().nationalRegisterNumber())) {
            try {
                certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                return error(500, "server_error", "A certificate cannot be encoded");
            }
        }
        return ResponseEntity.ok(Map.of("key", Map.of("status", "enabled", "algo", List.of("1.2.840.10045.2.1"),
                        "len", 256), "cert", Map.of("status", "valid", "certificates", certificates),
                "authMode", "implicit", "SCAL", "2", "multisign", 1));
    }

    @PostMapping("/credentials/authorize")
    ResponseEntity<Map<String, Object>> authorize(@RequestHeader(name = "Authorization", required = false)
            String bearer, @RequestBody Map<String, Object> body) throws InterruptedException {
        if (!authorised(bearer)) {
            return error(401, "invalid_token", "A valid access token is required");
        }
        Optional<EnrolledAccount> account = account(body.get("credentialID"));
        byte[] hash = onlyHash(body);
        if (account.isEmpty() || hash == null || !"1".equals(String.valueOf(body.get("numSignatures")))) {
            return error(400, "invalid_request", "One known credentialID, numSignatures 1 and one SHA-256 hash");
        }
        Object description = body.get("description");
        ConsentRequest consent = itsme.requestConsentForHash(account.get().nationalRegisterNumber(),
                description == null ? "Document" : String.valueOf(description), hash);
        while (true) {
            ConsentOutcome outcome = itsme.outcome(consent.id());
            if (outcome instanceof ConsentOutcome.Approved approved) {
                String sad = random();
                activations.put(sad, new Activation(account.get().id(), hash, approved.signatureValue(),
                        clock.instant().plus(Duration.ofMinutes(5))));
                return ResponseEntity.ok(Map.of("SAD", sad, "expiresIn", 300));
            }
            if (outcome instanceof ConsentOutcome.Rejected || outcome instanceof ConsentOutcome.Locked) {
                return error(403, "access_denied", "The citizen did not authorise the signature");
            }
            if (!(outcome instanceof ConsentOutcome.Pending)) {
                return error(400, "expired", "The citizen did not answer in time");
            }
            Thread.sleep(250);
        }
    }

    @PostMapping("/signatures/signHash")
    ResponseEntity<Map<String, Object>> signHash(@RequestHeader(name = "Authorization", required = false)
            String bearer, @RequestBody Map<String, Object> body) {
        if (!authorised(bearer)) {
            return error(401, "invalid_token", "A valid access token is required");
        }
        Activation activation = activations.remove(String.valueOf(body.get("SAD")));
        byte[] hash = onlyHash(body);
        if (activation == null || !clock.instant().isBefore(activation.expiresAt())
                || !activation.credentialId().equals(body.get("credentialID")) || hash == null
                || !Arrays.equals(activation.hash(), hash)) {
            return error(400, "invalid_request", "The SAD is unknown, used, expired, or for another credential "
                    + "or hash");
        }
        return ResponseEntity.ok(Map.of("signatures", List.of(Base64.getEncoder()
                .encodeToString(activation.signature()))));
    }

    private boolean authorised(String bearer) {
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            return false;
        }
        Instant expiry = tokens.get(bearer.substring(7));
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private Optional<EnrolledAccount> account(Object credentialId) {
        if (!(credentialId instanceof String id) || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return itsme.findAccount(id);
    }

    /** The one SHA-256 hash of a request, or null. */
    private static byte[] onlyHash(Map<String, Object> body) {
        if (!SHA256_OID.equals(body.get("hashAlgorithmOID")) || !(body.get("hashes") instanceof List<?> hashes)
                || hashes.size() != 1 || !(hashes.get(0) instanceof String text)) {
            return null;
        }
        try {
            byte[] hash = Base64.getDecoder().decode(text);
            return hash.length == 32 ? hash : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** CSC's {@code {error, error_description}}, inside an RFC 9457 problem like every other refusal of paraaf. */
    private static ResponseEntity<Map<String, Object>> error(int status, String error, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Map.of(
                "type", "https://paraaf.be/problems/csc-" + error.replace('_', '-'), "title", "Remote signing: "
                        + error.replace('_', ' '), "status", status, "detail", description + ".", "error", error,
                "error_description", description));
    }
}
