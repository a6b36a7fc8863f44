package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoStepClientTest {

    private HttpServer server;
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
    private final AtomicReference<String> lastContentType = new AtomicReference<>();
    private TwoStepClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/signatures/pades/prepare", exchange -> {
            lastBody.set(exchange.getRequestBody().readAllBytes());
            lastContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            answer(exchange, 201, "application/json", """
                    {"handle":"h1","dataToSign":"AQID","signatureAlgorithm":"SHA256withECDSA",
                     "expiresAt":"2026-11-23T12:00:00Z","completeUrl":"/api/signatures/h1/complete"}""");
        });
        server.createContext("/api/signatures/h1/complete", exchange -> {
            lastBody.set(exchange.getRequestBody().readAllBytes());
            answer(exchange, 200, "application/pdf", "%PDF-signed");
        });
        server.createContext("/api/signatures/old/complete", exchange -> answer(exchange, 404,
                "application/problem+json", """
                        {"type":"https://paraaf.be/problems/pending-signature-expired","title":"Pending signature expired",
                         "status":404,"detail":"The prepared signature expired at 11:00."}"""));
        server.start();
        client = new TwoStepClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void prepareSendsTheDocumentBytesUnchangedAndReadsWhatToSign() throws Exception {
        byte[] pdf = "%PDF-1.7\nbody\n%%EOF".getBytes(StandardCharsets.US_ASCII);

        TwoStepClient.Prepared prepared = client.prepare(TwoStepClient.PADES_PREPARE,
                new TwoStepClient.Document("contract.pdf", "application/pdf", pdf), List.of(certificate()),
                Map.of("level", "B-LTA", "fieldName", "tenant-1"));

        assertThat(prepared.dataToSign()).containsExactly(1, 2, 3);
        assertThat(prepared.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(prepared.handle()).isEqualTo("h1");
        String body = new String(lastBody.get(), StandardCharsets.ISO_8859_1);
        String boundary = lastContentType.get().replaceFirst(".*boundary=", "");
        // the part's content starts right after the blank line: a stray CRLF would make the PDF unreadable
        assertThat(body).contains("filename=\"contract.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\nbody\n"
                + "%%EOF\r\n--" + boundary);
        assertThat(body).contains("name=\"fieldName\"", "tenant-1", "-----BEGIN CERTIFICATE-----")
                .endsWith("--" + boundary + "--\r\n");

        byte[] signed = client.complete(prepared, new byte[] {9, 9});

        assertThat(new String(signed, StandardCharsets.US_ASCII)).isEqualTo("%PDF-signed");
        assertThat(new String(lastBody.get(), StandardCharsets.US_ASCII)).isEqualTo("{\"handle\":\"h1\",\"signatureValue\":\"CQk=\"}");
    }

    @Test
    void anExpiredHandleIsRecognisedFromTheProblemType() {
        TwoStepClient.Prepared old = new TwoStepClient.Prepared("old", new byte[1], "SHA256withRSA",
                "/api/signatures/old/complete", null);

        assertThatThrownBy(() -> client.complete(old, new byte[] {1}))
                .isInstanceOfSatisfying(ServerProblemException.class, e -> {
                    assertThat(e.handleExpired()).isTrue();
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo(
                            "HTTP 404 Pending signature expired: The prepared signature expired at 11:00.");
                });
    }

    @Test
    void anUnreachableServerIsAServerProblem() {
        server.stop(0);
        TwoStepClient.Prepared prepared = new TwoStepClient.Prepared("h1", new byte[1], "SHA256withRSA",
                "/api/signatures/h1/complete", null);

        assertThatThrownBy(() -> client.complete(prepared, new byte[] {1}))
                .isInstanceOfSatisfying(ServerProblemException.class, e -> {
                    assertThat(e.handleExpired()).isFalse();
                    assertThat(e.getMessage()).contains("cannot reach http://127.0.0.1:");
                });
    }

    private static X509Certificate certificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Test");
        var builder = new JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE, new java.util.Date(),
                new java.util.Date(System.currentTimeMillis() + 86_400_000L), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
