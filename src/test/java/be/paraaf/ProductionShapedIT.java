package be.paraaf;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.access.ApiKeys;
import be.paraaf.cli.ItsmeApp;
import be.paraaf.agent.Pkcs11Module;
import be.paraaf.agent.VirtualCard;
import be.paraaf.demo.DemoClients;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.Multipart;
import be.paraaf.support.PostgresServer;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.ServiceProcess;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * paraaf as an operator deploys it: the packaged jar with profiles {@code prod,postgres} on the real PostgreSQL,
 * configured only through settings — a trust store, a TSA URL, a seal key on a PKCS#11 token (SoftHSM2 as the
 * HSM), one API client by its key's hash —
 * against an outside world that runs in a process of its own (a certification authority with its TSA, OCSP
 * responders and CRLs, and a remote-signing provider speaking CSC API v2 with the citizens' itsme accounts, on
 * another port). A lease goes to two eID signers and one itsme signer in two steps, is COMPLETED, archived and
 * validates; and nothing of the demo answers: no /api/dev, no embedded PKI, the published demo key refused.
 */
@ExtendWith(PostgresServer.class)
class ProductionShapedIT {

    @TempDir
    Path dir;

    @Test
    void aLeaseIsSignedArchivedAndValidatedByAProductionDeployment() throws Exception {
        Path jar = ServiceProcess.packagedJar();
        String schema = PostgresServer.newSchema();
        List<Process> processes = new ArrayList<>();
        try {
            // the outside world: a certification authority with TSA, OCSP and CRL, in a process of its own
            int outsidePort = ServiceIT.freePort();
            String outside = "http://localhost:" + outsidePort;
            processes.add(ServiceProcess.start(List.of(ServiceProcess.java(), "-cp",
                    System.getProperty("java.class.path"), "be.paraaf.ParaafApplication",
                    "--server.port=" + outsidePort, "--paraaf.data-dir=" + dir.resolve("outside"),
                    "--paraaf.public-base-url=" + outside, "--paraaf.demo.seed=false"), dir.resolve("outside.log"),
                    outside));
            ServiceClient authority = new ServiceClient(outside);
            Path trustStore = trustStore(authority);
            Path hsm = sealKeyOnAnHsm(authority);
            String apiKey = ApiKeys.generate();

            int port = ServiceIT.freePort();
            String base = "http://localhost:" + port;
            processes.add(ServiceProcess.start(List.of(ServiceProcess.java(), "-jar",
                    jar.toString(), "--spring.profiles.active=prod,postgres",
                    "--paraaf.database.schema=" + schema, "--server.port=" + port,
                    "--paraaf.data-dir=" + dir.resolve("prod"), "--paraaf.public-base-url=" + base,
                    "--paraaf.trust.tsa-url=" + outside + "/pki/tsa",
                    "--paraaf.trust.trust-stores[0].path=" + trustStore,
                    "--paraaf.trust.trust-stores[0].type=PKCS12",
                    "--paraaf.trust.trust-stores[0].password=changeit",
                    "--paraaf.signing.seal.key-store-type=PKCS11",
                    "--paraaf.signing.seal.pkcs11-library=" + softHsm(), "--paraaf.signing.seal.password=4321",
                    "--paraaf.signing.seal.alias=seal",
                    "--paraaf.remote-signing.csc.base-url=" + outside + "/csc/v2",
                    "--paraaf.remote-signing.csc.client-id=paraaf",
                    "--paraaf.remote-signing.csc.client-secret=paraaf-demo-csc",
                    "--paraaf.access.clients[0].id=woonpunt-gent", "--paraaf.access.clients[0].name=Woonpunt Gent",
                    "--paraaf.access.clients[0].key-sha256=" + ApiKeys.hash(apiKey)),
                    Map.of(VirtualCard.SOFTHSM2_CONF, hsm.toString()), dir.resolve("prod.log"), base));
            ServiceClient prod = new ServiceClient(base);

            nothingOfTheDemoAnswers(prod, apiKey);
            signALease(prod, authority, apiKey, dir.resolve("itsme-app"));
        } finally {
            for (Process process : processes) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            PostgresServer.dropSchema(schema);
        }
    }

    private static void nothingOfTheDemoAnswers(ServiceClient prod, String apiKey) {
        for (String path : List.of("/api/dev/demo/citizens", "/api/dev/demo/agency", "/pki/ca/root.crt",
                "/itsme-app.html", "/v3/api-docs")) {
            assertThat(prod.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(prod.postJson("/api/dev/pki/credentials", "{}").statusCode()).isEqualTo(404);
        assertThat(prod.get("/api/documents", DemoClients.WOONPUNT_KEY).statusCode()).as("the demo key")
                .isEqualTo(401);
        assertThat(ServiceClient.json(prod.get("/api/config")).get("demo").asBoolean()).isFalse();
        JsonNode readiness = ServiceClient.json(prod.get("/actuator/health/readiness", apiKey));
        assertThat(readiness.get("status").asString()).as(readiness.toString()).isEqualTo("UP");
        assertThat(readiness.at("/components/trustServices/details/trustedRoots").asInt())
                .as("only the configured root, not an embedded demo root").isEqualTo(1);
    }

    private static void signALease(ServiceClient prod, ServiceClient authority, String apiKey, Path appDir)
            throws Exception {
        Citizen zoe = authority.issueCitizen("Zoë", "Van den Broeck", "92050512345");
        // Anaïs signs with itsme: her account and remote key live at the remote-signing provider, which paraaf
        // reaches through its CSC API v2
        ItsmeApp anais = ItsmeApp.enrol(authority.baseUrl(), "+32470555123", "05031218793", "24680", appDir);
        HttpResponse<byte[]> activated = authority.postJson("/api/dev/itsme/accounts/" + anais.accountId()
                + "/activation", "{\"nationalRegisterNumber\":\"05031218793\",\"givenName\":\"Anaïs\","
                + "\"surname\":\"Çelik\"}");
        assertThat(activated.statusCode()).as(TwoStepFlow.body(activated)).isEqualTo(200);
        Citizen jerome = authority.issueCitizen("Jérôme", "Maës", "68070745635");
        HttpResponse<byte[]> document = prod.postJson("/api/documents/templates/lease?lang=nl",
                Files.readString(Path.of("test-docs/templates/lease.json")), apiKey);
        assertThat(document.statusCode()).as(TwoStepFlow.body(document)).isEqualTo(201);
        String documentId = ServiceClient.json(document).get("id").asString();
        HttpResponse<byte[]> created = prod.postJson("/api/requests", """
                {"documentId":"%s","title":"Huurovereenkomst Aalst","signatureLevel":"B-LTA","signers":[
                 {"role":"tenant-1","name":"Zoë Van den Broeck","nationalRegisterNumber":"92050512345",
                  "consentMethods":"EID","fieldName":"tenant-1","step":1},
                 {"role":"tenant-2","name":"Anaïs Çelik","nationalRegisterNumber":"05031218793",
                  "consentMethods":"ITSME","fieldName":"tenant-2","step":1},
                 {"role":"agency","name":"Jérôme Maës","nationalRegisterNumber":"68070745635",
                  "consentMethods":"EID","fieldName":"agency","step":2}]}""".formatted(documentId), apiKey);
        assertThat(created.statusCode()).as(TwoStepFlow.body(created)).isEqualTo(201);
        JsonNode request = ServiceClient.json(created);
        String requestId = request.get("id").asString();
        assertThat(prod.postJson("/api/requests/" + requestId + "/start", "", apiKey).statusCode()).isEqualTo(200);

        JsonNode links = request.get("signerLinks");
        signThroughLink(prod, links.get(0).get("token").asString(), zoe);
        signWithItsme(prod, links.get(1).get("token").asString(), anais, "24680");
        signThroughLink(prod, links.get(2).get("token").asString(), jerome);
        JsonNode done = ServiceClient.json(prod.get("/api/requests/" + requestId, apiKey));
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");

        byte[] lease = prod.get("/api/requests/" + requestId + "/document", apiKey).body();
        JsonNode validation = new TwoStepFlow(prod).validate(lease, "lease.pdf");
        assertThat(validation.get("verdict").asString()).as(validation.toString()).isEqualTo("VALID");
        assertThat(TwoStepFlow.signatures(validation)).hasSize(3).allSatisfy(signature ->
                assertThat(signature.toString()).contains("PAdES-BASELINE-LTA"));

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode archived = null;
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = ServiceClient.json(prod.get("/api/archive?size=10", apiKey));
            for (JsonNode item : page.get("items")) {
                if (requestId.equals(item.path("requestId").asString())) {
                    archived = item;
                }
            }
            if (archived != null) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(archived).as("the completed lease is archived").isNotNull();
        HttpResponse<byte[]> evidence = prod.get("/api/archive/" + archived.get("id").asString() + "/evidence",
                apiKey);
        assertThat(evidence.statusCode()).isEqualTo(200);
    }

    /** The signer page starts the consent; the app, at the provider, shows the same code and approves. */
    private static void signWithItsme(ServiceClient prod, String token, ItsmeApp app, String code)
            throws InterruptedException {
        HttpResponse<byte[]> started = prod.postJson("/api/sign/" + token + "/itsme", "");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        String verificationCode = ServiceClient.json(started).get("verificationCode").asString();
        ItsmeApp.Pending pending = app.pending(30).stream()
                .filter(candidate -> candidate.verificationCode().equals(verificationCode)).findFirst()
                .orElseThrow(() -> new AssertionError("the app shows no consent with code " + verificationCode));
        app.approve(pending.consentId(), code);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!ServiceClient.json(prod.get("/api/sign/" + token)).toString().contains("\"SIGNED\"")) {
            assertThat(Instant.now()).as("the itsme signature lands").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static void signThroughLink(ServiceClient prod, String token, Citizen citizen) {
        HttpResponse<byte[]> prepared = prod.post("/api/sign/" + token + "/eid/prepare", new Multipart().file(
                "certificateChain", "chain.pem", "application/x-pem-file", TwoStepFlow.pem(citizen.chain())));
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        JsonNode toSign = ServiceClient.json(prepared);
        String value = Base64.getEncoder().encodeToString(TwoStepFlow.sign(
                Base64.getDecoder().decode(toSign.get("dataToSign").asString()),
                toSign.get("signatureAlgorithm").asString(), citizen.signatureKey()));
        HttpResponse<byte[]> completed = prod.postJson("/api/sign/" + token + "/eid/complete", "{\"handle\":\""
                + toSign.get("handle").asString() + "\",\"signatureValue\":\"" + value + "\"}");
        assertThat(completed.statusCode()).as(TwoStepFlow.body(completed)).isEqualTo(200);
    }

    /** The outside authority's root, as the operator would download and install it. */
    private Path trustStore(ServiceClient authority) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("authority-root", authority.rootCertificate());
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    /**
     * A seal key certified by the outside authority, imported onto a PKCS#11 token (SoftHSM2 standing in for the
     * HSM) with its chain; answers the token's SoftHSM2 configuration.
     */
    private Path sealKeyOnAnHsm(ServiceClient authority) throws Exception {
        ExternalTool.require("softhsm2-util", "softhsm2");
        ExternalTool.require("pkcs11-tool", "opensc");
        HttpResponse<byte[]> credential = authority.postJson("/api/dev/pki/credentials", """
                {"givenName":"Woonpunt","surname":"Seal","nationalRegisterNumber":"80010100107",
                 "password":"seal-pin"}""");
        assertThat(credential.statusCode()).as(new String(credential.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(credential.body()), "seal-pin".toCharArray());
        Path tokens = Files.createDirectories(dir.resolve("hsm/tokens"));
        Path config = dir.resolve("hsm/softhsm2.conf");
        Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
        Map<String, String> env = Map.of(VirtualCard.SOFTHSM2_CONF, config.toString());
        run(env, "softhsm2-util", "--init-token", "--free", "--label", "paraaf-seal", "--pin", "4321", "--so-pin",
                "87654321");
        Path key = dir.resolve("hsm/key.der");
        Files.write(key, p12.getKey("Signature", "seal-pin".toCharArray()).getEncoded());
        run(env, "pkcs11-tool", "--module", softHsm(), "--login", "--pin", "4321", "--write-object", key.toString(),
                "--type", "privkey", "--id", "01", "--label", "seal");
        Files.delete(key);
        java.security.cert.Certificate[] chain = p12.getCertificateChain("Signature");
        for (int i = 0; i < chain.length; i++) {
            Path certificate = dir.resolve("hsm/certificate-" + i + ".der");
            Files.write(certificate, chain[i].getEncoded());
            run(env, "pkcs11-tool", "--module", softHsm(), "--login", "--pin", "4321", "--write-object",
                    certificate.toString(), "--type", "cert", "--id", "0" + (i + 1), "--label",
                    i == 0 ? "seal" : "ca-" + i);
        }
        return config;
    }

    private static String softHsm() {
        return Pkcs11Module.firstInstalled(Pkcs11Module.SOFTHSM_LOCATIONS).orElseThrow().toString();
    }

    private static void run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
