package be.paraaf.consent.itsme;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.cli.ParaafCli;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.PendingSignature;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SignedDocument;
import be.paraaf.signing.SigningPurpose;
import be.paraaf.signing.SigningService;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The whole itsme-style push flow against the running service: the simulated app (CLI classes) enrols,
 * the dev endpoint activates, a PAdES signature is prepared with the account's chain, the consent is pushed
 * over SSE, the app approves with the secret code, the remote key's signature completes the PDF, and DSS
 * and poppler both accept it. Then every refusal: replay, hash swap, expiry, lockout, bad device signature.
 */
class ItsmePushConsentIT extends ServiceIT {

    private static final SigningPurpose PURPOSE = SigningPurpose.apiClient("itsme-push-test");

    private static final String CODE = "12345";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<ConsentDecided> DECIDED = new CopyOnWriteArrayList<>();
    private static volatile boolean listening;

    @Autowired
    ItsmeSigning itsme;

    @Autowired
    SigningService signing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path tmp;

    @BeforeEach
    void listen() {
        synchronized (DECIDED) {
            if (!listening) {
                ApplicationListener<ApplicationEvent> listener = event -> {
                    if (event instanceof PayloadApplicationEvent<?> payload
                            && payload.getPayload() instanceof ConsentDecided decided) {
                        DECIDED.add(decided);
                    }
                };
                context.addApplicationListener(listener);
                listening = true;
            }
        }
    }

    @Test
    void pushedConsentApprovedOnTheAppCompletesAValidPadesSignature() throws Exception {
        String nrn = newNationalNumber();
        Path appDir = tmp.resolve("app");
        String out = cli("itsme-app", "enrol", "--server", CLIENT.baseUrl(), "--phone", "+32470123456",
                "--national-number", nrn, "--code", CODE, "--app-dir", appDir.toString());
        assertThat(out).contains("PENDING_EID_CONFIRMATION");
        ItsmeApp app = ItsmeApp.open(appDir);
        assertThatThrownBy(() -> itsme.signingChain(nrn)).isInstanceOfSatisfying(ItsmeException.class,
                e -> assertThat(e.problemType()).isEqualTo(ItsmeException.ACCOUNT_NOT_ACTIVE));
        activate(app, nrn);

        List<X509Certificate> chain = itsme.signingChain(nrn);
        assertThat(chain.get(0).getSubjectX500Principal().getName()).contains("CN=An Janssens (Signature)");
        assertThat(chain.get(0).getIssuerX500Principal().getName()).contains("Remote Signing");
        PendingSignature pending = signing.preparePades(new DocumentInput("sample-contract.pdf",
                TestDocs.read(TestDocs.SAMPLE_CONTRACT)), chain, PadesSignatureSpec.invisible(SignatureLevel.B_LT),
                PURPOSE);

        BlockingQueue<String> events = subscribe(app);
        ConsentRequest request = itsme.requestConsent(nrn, "Huurovereenkomst Kerkstraat 1", pending.dataToSign(),
                pending.signatureAlgorithm());
        assertThat(request.verificationCode()).matches("[0-9]{4}")
                .isEqualTo(VerificationCodes.derive(sha256(pending.dataToSign())));
        assertThat(request.expiresAt()).isBetween(Instant.now(), Instant.now().plusSeconds(181));
        assertThat(itsme.outcome(request.id())).isInstanceOf(ConsentOutcome.Pending.class);

        ItsmeApp.Pending pushed = ItsmeApp.pending(ServiceClient.JSON.readTree(nextData(events)));
        assertThat(pushed.consentId()).isEqualTo(request.id());
        assertThat(pushed.documentTitle()).isEqualTo("Huurovereenkomst Kerkstraat 1");
        assertThat(pushed.verificationCode()).isEqualTo(request.verificationCode());
        assertThat(pushed.hash()).isEqualTo(HexFormat.of().formatHex(sha256(pending.dataToSign())));
        assertThat(app.pending(0)).extracting(ItsmeApp.Pending::consentId).containsExactly(request.id());

        assertThat(cli("itsme-app", "approve", "--app-dir", appDir.toString(), "--consent", request.id(),
                "--code", CODE)).contains("APPROVED");
        ConsentOutcome outcome = itsme.outcome(request.id());
        assertThat(outcome).isInstanceOf(ConsentOutcome.Approved.class);
        assertThat(DECIDED).anySatisfy(event -> {
            assertThat(event.consentId()).isEqualTo(request.id());
            assertThat(event.outcome()).isInstanceOf(ConsentOutcome.Approved.class);
        });
        assertThat(app.pending(0)).isEmpty();

        SignedDocument signed = signing.complete(pending.handle(), PURPOSE,
                ((ConsentOutcome.Approved) outcome).signatureValue());
        JsonNode validation = new TwoStepFlow(CLIENT).validate(signed.content(), "signed.pdf");
        List<JsonNode> signatures = TwoStepFlow.signatures(validation);
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).get("indication").asString()).as(validation.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signatures.get(0).get("nationalRegisterNumber").asString()).isEqualTo(nrn);
        List<PdfSig.Verdict> verdicts = PdfSig.trusting(CLIENT.rootCertificate(), tmp.resolve("nss"))
                .signatures(signed.content());
        assertThat(verdicts).hasSize(1).allSatisfy(verdict -> assertThat(verdict.signatureValid())
                .as(verdict.block()).isTrue());
    }

    @Test
    void replayedApprovalIsRefused() {
        Account account = activeAccount();
        byte[] data = randomData();
        ConsentRequest request = itsme.requestConsent(account.nrn, "Replay", data, "SHA256withECDSA");
        String nonce = ItsmeApp.newNonce();
        String body = account.app.approvalBody(request.id(), hex(data), nonce, CODE);
        assertThat(account.app.post(request.id(), "approval", body).statusCode()).isEqualTo(200);

        assertProblem(bytes(account.app.post(request.id(), "approval", body)), 409,
                ItsmeException.CONSENT_ALREADY_DECIDED);
        // the same nonce, correctly signed for a fresh consent, is a replay too
        byte[] data2 = randomData();
        ConsentRequest second = itsme.requestConsent(account.nrn, "Replay 2", data2, "SHA256withECDSA");
        assertProblem(bytes(account.app.post(second.id(), "approval",
                account.app.approvalBody(second.id(), hex(data2), nonce, CODE))), 409,
                ItsmeException.APPROVAL_REPLAYED);
        assertThat(itsme.outcome(second.id())).isInstanceOf(ConsentOutcome.Pending.class);
    }

    @Test
    void hashSwappedApprovalIsRefusedAndSignsNothing() {
        Account account = activeAccount();
        byte[] data = randomData();
        ConsentRequest request = itsme.requestConsent(account.nrn, "Swap", data, "SHA256withECDSA");
        String swapped = hex(randomData());
        assertProblem(bytes(account.app.post(request.id(), "approval",
                account.app.approvalBody(request.id(), swapped, ItsmeApp.newNonce(), CODE))), 409,
                ItsmeException.CONSENT_HASH_MISMATCH);
        assertThat(itsme.outcome(request.id())).isInstanceOf(ConsentOutcome.Pending.class);
        assertThat(jdbc.sql("select count(*) from itsme_sads where account_id = ?").param(account.app.accountId())
                .query(Long.class).single()).isZero();
        assertThat(account.app.approve(request.id(), CODE)).isEqualTo("APPROVED");
    }

    @Test
    void expiredApprovalIsRefused() {
        Account account = activeAccount();
        byte[] data = randomData();
        ConsentRequest request = itsme.requestConsent(account.nrn, "Late", data, "SHA256withECDSA");
        // three minutes pass
        jdbc.sql("update itsme_consents set expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), request.id()).update();
        assertProblem(approve(account, request, data, CODE), 410,
                ItsmeException.CONSENT_EXPIRED);
        assertThat(itsme.outcome(request.id())).isInstanceOf(ConsentOutcome.Expired.class);
        assertThat(DECIDED).anySatisfy(event -> {
            assertThat(event.consentId()).isEqualTo(request.id());
            assertThat(event.outcome()).isInstanceOf(ConsentOutcome.Expired.class);
        });
    }

    @Test
    void fiveWrongCodesAcrossConsentsLockTheAccountUntilUnlocked() {
        Account account = activeAccount();
        byte[] data = randomData();
        ConsentRequest first = itsme.requestConsent(account.nrn, "Wrong 1", data, "SHA256withECDSA");
        // a bad device signature is refused before the code is looked at: it costs no attempt
        String forged = account.app.approvalBody(first.id(), hex(data), ItsmeApp.newNonce(), "00000")
                .replaceFirst("\"deviceSignature\":\"[^\"]+\"", "\"deviceSignature\":\"MEUCIQ==\"");
        assertProblem(bytes(account.app.post(first.id(), "approval", forged)), 403,
                ItsmeException.DEVICE_AUTHENTICATION_FAILED);
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonNode problem = assertProblem(approve(account, first, data, "99999"), 403,
                    ItsmeException.WRONG_SECRET_CODE);
            assertThat(problem.get("attemptsLeft").asInt()).isEqualTo(5 - attempt);
        }
        byte[] data2 = randomData();
        ConsentRequest second = itsme.requestConsent(account.nrn, "Wrong 2", data2, "SHA256withECDSA");
        assertProblem(approve(account, second, data2, "99998"), 403,
                ItsmeException.WRONG_SECRET_CODE);
        assertProblem(approve(account, second, data2, "99997"), 423,
                ItsmeException.ACCOUNT_LOCKED);

        // locked: the right code, new consents and the chain are all refused
        assertProblem(approve(account, second, data2, CODE), 423,
                ItsmeException.ACCOUNT_LOCKED);
        assertThat(itsme.outcome(first.id())).isInstanceOf(ConsentOutcome.Locked.class);
        assertThat(itsme.outcome(second.id())).isInstanceOf(ConsentOutcome.Locked.class);
        assertThatThrownBy(() -> itsme.requestConsent(account.nrn, "Again", randomData(), "SHA256withECDSA"))
                .isInstanceOfSatisfying(ItsmeException.class, e -> assertThat(e.status()).isEqualTo(423));
        assertThatThrownBy(() -> itsme.signingChain(account.nrn)).isInstanceOfSatisfying(ItsmeException.class,
                e -> assertThat(e.problemType()).isEqualTo(ItsmeException.ACCOUNT_LOCKED));

        assertThat(CLIENT.postJson("/api/dev/itsme/accounts/" + account.app.accountId() + "/unlock", "{}")
                .statusCode()).isEqualTo(200);
        ConsentRequest after = itsme.requestConsent(account.nrn, "Unlocked", randomData(), "SHA256withECDSA");
        assertThat(account.app.approve(after.id(), CODE)).isEqualTo("APPROVED");
    }

    @Test
    void rejectedConsentReadsRejectedAndCannotBeApprovedAfterwards() {
        Account account = activeAccount();
        byte[] data = randomData();
        ConsentRequest request = itsme.requestConsent(account.nrn, "No thanks", data, "SHA256withECDSA");
        assertThat(account.app.reject(request.id())).isEqualTo("REJECTED");
        assertThat(itsme.outcome(request.id())).isInstanceOf(ConsentOutcome.Rejected.class);
        assertProblem(approve(account, request, data, CODE), 409,
                ItsmeException.CONSENT_ALREADY_DECIDED);
    }

    @Test
    void channelRefusesAStaleOrForeignDeviceSignature() {
        Account account = activeAccount();
        HttpResponse<byte[]> stale = CLIENT.send(HttpRequest.newBuilder(URI.create(CLIENT.baseUrl()
                        + "/api/itsme/devices/" + account.app.deviceId() + "/consents/pending"))
                .header("Paraaf-Device-Time", Long.toString(Instant.now().getEpochSecond() - 600))
                .header("Paraaf-Device-Signature", account.app.channelHeaders().get("Paraaf-Device-Signature"))
                .GET().build());
        assertProblem(stale, 401, ItsmeException.DEVICE_AUTHENTICATION_FAILED);
        Account other = activeAccount();
        HttpRequest.Builder foreign = HttpRequest.newBuilder(URI.create(CLIENT.baseUrl()
                + "/api/itsme/devices/" + account.app.deviceId() + "/consents/pending")).GET();
        other.app.channelHeaders().forEach(foreign::header);
        assertProblem(CLIENT.send(foreign.build()), 401, ItsmeException.DEVICE_AUTHENTICATION_FAILED);
    }

    @Test
    void unknownPeopleAndWrongAlgorithmsAreRefused() {
        assertThatThrownBy(() -> itsme.signingChain(newNationalNumber())).isInstanceOfSatisfying(
                ItsmeException.class, e -> assertThat(e.status()).isEqualTo(404));
        Account account = activeAccount();
        assertThatThrownBy(() -> itsme.requestConsent(account.nrn, "RSA?", randomData(), "SHA256withRSA"))
                .isInstanceOfSatisfying(ItsmeException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ItsmeException.INVALID_CONSENT_REQUEST));
        assertThatThrownBy(() -> itsme.outcome("no-such-consent")).isInstanceOfSatisfying(ItsmeException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    // ------------------------------------------------------------------ helpers

    private record Account(String nrn, ItsmeApp app) {
    }

    private Account activeAccount() {
        String nrn = newNationalNumber();
        ItsmeApp app = ItsmeApp.enrol(CLIENT.baseUrl(), "+32470" + (100000 + RANDOM.nextInt(899999)), nrn, CODE,
                tmp.resolve("app-" + nrn));
        activate(app, nrn);
        return new Account(nrn, app);
    }

    private static void activate(ItsmeApp app, String nrn) {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/dev/itsme/accounts/" + app.accountId() + "/activation",
                "{\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"An\",\"surname\":\"Janssens\"}");
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        assertThat(ServiceClient.json(response).get("state").asString()).isEqualTo("ACTIVE");
    }

    /** A correctly signed approval with a fresh nonce, for {@code data}'s hash and {@code code}. */
    private static HttpResponse<byte[]> approve(Account account, ConsentRequest consent, byte[] data, String code) {
        return bytes(account.app.post(consent.id(), "approval",
                account.app.approvalBody(consent.id(), hex(data), ItsmeApp.newNonce(), code)));
    }

    private static String newNationalNumber() {
        return NationalRegisterNumber.withCheck(String.format("900101%03d", RANDOM.nextInt(998) + 1), false).value();
    }

    private static BlockingQueue<String> subscribe(ItsmeApp app) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.server() + app.streamPath()))
                .header("Accept", "text/event-stream");
        app.channelHeaders().forEach(request::header);
        HttpClient.newHttpClient().sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status:" + response.statusCode());
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        return lines;
    }

    private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // generous: CI machines are loaded
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("status:")) {
                assertThat(line).isEqualTo("status:200");
            } else if (line != null && line.startsWith("data:")) {
                return line.substring(5);
            }
        }
        throw new AssertionError("no consent arrived on the SSE channel within 60 s");
    }

    private static String cli(String... args) {
        CommandLine commandLine = ParaafCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    private static HttpResponse<byte[]> bytes(HttpResponse<String> response) {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        return new HttpResponse<>() {
            public int statusCode() {
                return response.statusCode();
            }

            public HttpRequest request() {
                return response.request();
            }

            public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
                return java.util.Optional.empty();
            }

            public java.net.http.HttpHeaders headers() {
                return response.headers();
            }

            public byte[] body() {
                return body;
            }

            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return response.sslSession();
            }

            public URI uri() {
                return response.uri();
            }

            public HttpClient.Version version() {
                return response.version();
            }
        };
    }

    private static byte[] randomData() {
        byte[] data = new byte[120];
        RANDOM.nextBytes(data);
        return data;
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
