package be.paraaf.cli;

import be.paraaf.system.ParaafException;
import be.paraaf.consent.itsme.DeviceSignatures;
import be.paraaf.consent.itsme.VerificationCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated itsme-style app, Spring-free: it creates the device key (EC P-256), enrols, reads pending
 * consents, and approves or rejects them with signatures made by the device key. Its state (server,
 * account and device ids, the device private key) lives in {@code appDir/app.json}, owner-only — a real
 * app keeps the key in the phone's secure element. The secret code is never stored.
 */
public final class ItsmeApp {

    /** A pending consent as the app shows it. */
    public record Pending(String consentId, String documentTitle, String hash, String verificationCode,
            Instant expiresAt) {
    }

    /** A refusal by the server (its problem detail) or a local check that failed. */
    public static final class AppException extends ParaafException {
        AppException(String type, int status, String detail) {
            super(type, status, detail, Map.of(), null);
        }
    }

    static final String STATE_FILE = "app.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String server;
    private final String accountId;
    private final String deviceId;
    private final PrivateKey deviceKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ItsmeApp(String server, String accountId, String deviceId, PrivateKey deviceKey) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.accountId = accountId;
        this.deviceId = deviceId;
        this.deviceKey = deviceKey;
    }

    /** Creates the device key, enrols at {@code server} and stores the app state in {@code appDir}. */
    public static ItsmeApp enrol(String server, String phone, String nationalNumber, String code, Path appDir) {
        if (Files.exists(appDir.resolve(STATE_FILE))) {
            throw new AppException("app-already-enrolled", 409, appDir.resolve(STATE_FILE)
                    + " exists: this app is already enrolled; use another --app-dir.");
        }
        KeyPair device;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            device = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String normalisedNrn = nationalNumber.replaceAll("[\\s.\\-]", "");
        String normalisedPhone = phone.replaceAll("[\\s./-]", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", normalisedPhone);
        body.put("nationalRegisterNumber", normalisedNrn);
        body.put("devicePublicKey", Base64.getEncoder().encodeToString(device.getPublic().getEncoded()));
        body.put("code", code);
        body.put("proofOfPossession", base64(sign(device.getPrivate(),
                DeviceSignatures.enrolment(normalisedNrn, normalisedPhone))));
        ItsmeApp unenrolled = new ItsmeApp(server, null, null, device.getPrivate());
        JsonNode result = unenrolled.expectOk(unenrolled.post("/api/itsme/enrolments", JSON.writeValueAsString(body)));
        ItsmeApp app = new ItsmeApp(server, result.get("accountId").asString(), result.get("deviceId").asString(),
                device.getPrivate());
        app.save(appDir);
        return app;
    }

    /**
     * An app holding a device key enrolled elsewhere: the dev mode's demo citizens, whose device keys the
     * service generated and hands out (GET /api/dev/demo/citizens).
     */
    public static ItsmeApp of(String server, String accountId, String deviceId, PrivateKey deviceKey) {
        return new ItsmeApp(server, accountId, deviceId, deviceKey);
    }

    /** The same app talking to another node of the same service (behind a load balancer, any node answers). */
    public ItsmeApp on(String otherServer) {
        return new ItsmeApp(otherServer, accountId, deviceId, deviceKey);
    }

    /** Opens the app enrolled in {@code appDir}. */
    public static ItsmeApp open(Path appDir) {
        Path file = appDir.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            throw new AppException("app-not-enrolled", 404, "No enrolled app in " + appDir
                    + ": run 'paraaf itsme-app enrol' first.");
        }
        try {
            JsonNode state = JSON.readTree(Files.readString(file));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(state.get("devicePrivateKey").asString())));
            return new ItsmeApp(state.get("server").asString(), state.get("accountId").asString(),
                    state.get("deviceId").asString(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("app state unreadable: " + file, e);
        }
    }

    public String accountId() {
        return accountId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String server() {
        return server;
    }

    /** Headers that authenticate this device on the push channel now. */
    public Map<String, String> channelHeaders() {
        long now = Instant.now().getEpochSecond();
        return Map.of("Paraaf-Device-Time", Long.toString(now), "Paraaf-Device-Signature",
                base64(sign(deviceKey, DeviceSignatures.channel(deviceId, now))));
    }

    /** The SSE address of this device's consents. */
    public String streamPath() {
        return "/api/itsme/devices/" + deviceId + "/consents/stream";
    }

    /** Pending consents; waits up to {@code waitSeconds} for one (long poll). */
    public List<Pending> pending(int waitSeconds) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/api/itsme/devices/" + deviceId
                + "/consents/pending?waitSeconds=" + waitSeconds)).timeout(Duration.ofSeconds(waitSeconds + 30L));
        channelHeaders().forEach(request::header);
        JsonNode list = expectOk(send(request.GET().build()));
        List<Pending> pending = new ArrayList<>();
        for (JsonNode item : list) {
            pending.add(pending(item));
        }
        return pending;
    }

    /** Reads one pending consent from its JSON (as on the channel). */
    public static Pending pending(JsonNode item) {
        return new Pending(item.get("consentId").asString(), item.get("documentTitle").asString(),
                item.get("hash").asString(), item.get("verificationCode").asString(),
                Instant.parse(item.get("expiresAt").asString()));
    }

    /**
     * Approves the pending consent {@code consentId} with the secret code: checks that the verification code
     * the server shows is the one derived from the hash, then signs {consent id, hash, nonce}.
     *
     * @return the consent's state after the approval (APPROVED)
     */
    public String approve(String consentId, String code) {
        Pending consent = find(consentId);
        return answer(consentId, "approval", approvalBody(consentId, consent.hash(), newNonce(), code));
    }

    /** Rejects the pending consent {@code consentId}. */
    public String reject(String consentId) {
        Pending consent = find(consentId);
        String nonce = newNonce();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consentId", consentId);
        body.put("hash", consent.hash());
        body.put("nonce", nonce);
        body.put("deviceSignature", base64(sign(deviceKey, DeviceSignatures.rejection(consentId, consent.hash(),
                nonce))));
        return answer(consentId, "rejection", JSON.writeValueAsString(body));
    }

    /** The signed approval body for {@code hash} (whatever it is: tests use it to swap hashes). */
    public String approvalBody(String consentId, String hash, String nonce, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consentId", consentId);
        body.put("hash", hash);
        body.put("nonce", nonce);
        body.put("code", code);
        body.put("deviceSignature", base64(sign(deviceKey, DeviceSignatures.approval(consentId, hash, nonce))));
        return JSON.writeValueAsString(body);
    }

    /** Posts an approval or rejection body as is and returns the raw response (tests replay it). */
    public HttpResponse<String> post(String consentId, String kind, String body) {
        return post("/api/itsme/devices/" + deviceId + "/consents/" + consentId + "/" + kind, body);
    }

    public static String newNonce() {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    private String answer(String consentId, String kind, String body) {
        return expectOk(post(consentId, kind, body)).get("status").asString();
    }

    private Pending find(String consentId) {
        Pending consent = pending(0).stream().filter(p -> p.consentId().equals(consentId)).findFirst()
                .orElseThrow(() -> new AppException("consent-not-pending", 404,
                        "No pending consent " + consentId + " for this device."));
        if (!VerificationCodes.deriveFromHex(consent.hash()).equals(consent.verificationCode())) {
            throw new AppException("verification-code-mismatch", 409,
                    "The verification code does not belong to the hash: refusing to answer.");
        }
        return consent;
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AppException("server-unreachable", 503, "Cannot reach " + server + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException("interrupted", 503, "Interrupted.");
        }
    }

    private JsonNode expectOk(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            body = null;
        }
        if (response.statusCode() / 100 != 2) {
            String type = body != null && body.has("type") ? body.get("type").asString() : "";
            String detail = body != null && body.has("detail") ? body.get("detail").asString() : response.body();
            throw new AppException(type.substring(type.lastIndexOf('/') + 1).isEmpty() ? "server-refused"
                    : type.substring(type.lastIndexOf('/') + 1), response.statusCode(),
                    "server refused (" + response.statusCode() + " " + type + "): " + detail);
        }
        return body;
    }

    private void save(Path appDir) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("server", server);
        state.put("accountId", accountId);
        state.put("deviceId", deviceId);
        state.put("devicePrivateKey", Base64.getEncoder().encodeToString(deviceKey.getEncoded()));
        try {
            Files.createDirectories(appDir);
            Path file = appDir.resolve(STATE_FILE);
            Files.writeString(file, JSON.writeValueAsString(state));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX: the directory's permissions apply
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(DeviceSignatures.ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
