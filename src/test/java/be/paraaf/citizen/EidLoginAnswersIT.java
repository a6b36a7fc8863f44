package be.paraaf.citizen;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agent's answer endpoint and the page's pickup without a card (the demo PKI's PKCS#12 citizen stands in for
 * it): every bad answer is a 4xx that leaves the login open, a good one is taken once, and concurrent pickups
 * give exactly one session.
 */
class EidLoginAnswersIT extends ServiceIT {

    private final EidLogins page = new EidLogins(CLIENT);

    @Test
    void badAnswersAreRefusedWith4xxAndLeaveTheLoginOpen() throws Exception {
        String nrn = EidLogins.newNationalNumber();
        Citizen citizen = CLIENT.issueCitizen("An", "Claes", nrn);
        EidLogins.Started login = page.start();
        byte[] challenge = login.challenge().getBytes(StandardCharsets.US_ASCII);
        String goodSignature = base64(TwoStepFlow.sign(challenge, "SHA256withRSA", citizen.authenticationKey()));
        byte[] goodChain = TwoStepFlow.pem(citizen.authenticationChain());

        assertProblem(page.agentAnswer(login.id(), answer("not a certificate".getBytes(StandardCharsets.US_ASCII),
                goodSignature)), 400, "invalid-certificate");
        assertProblem(page.agentAnswer(login.id(), answer(new byte[] {0x30, (byte) 0x82, 0x01}, goodSignature)), 400,
                "invalid-certificate");
        assertProblem(page.agentAnswer(login.id(), answer(new byte[200_000], goodSignature)), 400,
                "invalid-certificate");
        assertProblem(page.agentAnswer(login.id(), answer(goodChain, "%%% not base64 %%%")), 400,
                "invalid-signature-value");
        assertProblem(page.agentAnswer(login.id(), answer(goodChain, base64(new byte[100_000]))), 400,
                "invalid-signature-value");
        assertProblem(page.agentAnswer(login.id(), new Multipart().field("signature", goodSignature)), 400,
                "bad-request");
        // the card's Signature certificate (nonRepudiation only) does not log in
        assertProblem(page.agentAnswer(login.id(), answer(TwoStepFlow.pem(citizen.chain()),
                base64(TwoStepFlow.sign(challenge, "SHA256withRSA", citizen.signatureKey())))), 401,
                "citizen-login-refused");
        // a self-signed certificate that looks like an eID Authentication certificate but chains to no trusted root
        KeyPair stranger = rsaKeyPair();
        assertProblem(page.agentAnswer(login.id(), answer(TwoStepFlow.pem(List.of(selfSigned(stranger, nrn))),
                base64(TwoStepFlow.sign(challenge, "SHA256withRSA", stranger.getPrivate())))), 401,
                "citizen-login-refused");
        // a signature over something else than this login's challenge
        assertProblem(page.agentAnswer(login.id(), answer(goodChain, base64(TwoStepFlow.sign(
                page.start().challenge().getBytes(StandardCharsets.US_ASCII), "SHA256withRSA",
                citizen.authenticationKey())))), 401, "citizen-login-refused");
        assertThat(page.pickup(login.id(), login.pickupToken()).statusCode()).isEqualTo(202);

        HttpResponse<byte[]> answered = page.agentAnswer(login.id(), answer(goodChain, goodSignature));
        assertThat(answered.statusCode()).as(TwoStepFlow.body(answered)).isEqualTo(200);
        JsonNode body = ServiceClient.json(answered);
        assertThat(body.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(body.get("nationalRegisterNumber").asString()).isEqualTo("*******" + nrn.substring(7));
        assertThat(body.has("token")).isFalse();

        // a replayed answer is refused, whether or not the session was picked up yet
        assertProblem(page.agentAnswer(login.id(), answer(goodChain, goodSignature)), 401, "citizen-login-refused");
        assertThat(page.pickup(login.id(), login.pickupToken()).statusCode()).isEqualTo(200);
        assertProblem(page.agentAnswer(login.id(), answer(goodChain, goodSignature)), 401, "citizen-login-refused");
    }

    @Test
    void unknownLoginsAndWrongPickupTokensAreRefused() {
        EidLogins.Started login = page.start();
        EidLogins.Started other = page.start();

        assertProblem(page.agentGet("no-such-login"), 404, "login-not-found");
        assertProblem(page.agentGet("x".repeat(2_000)), 404, "login-not-found");
        assertProblem(page.pickup("no-such-login", login.pickupToken()), 404, "login-not-found");
        assertProblem(page.pickup(login.id(), other.pickupToken()), 401, "pickup-token-refused");
        assertProblem(page.pickup(login.id(), "x".repeat(10_000)), 401, "pickup-token-refused");
        assertProblem(page.pickup(login.id(), null), 401, "pickup-token-refused");
        assertProblem(CLIENT.postJson("/api/citizen/login/eid/" + login.id() + "/session", ""), 401,
                "pickup-token-refused");
        assertThat(CLIENT.postJson("/api/citizen/login/eid/" + login.id() + "/session", "{not json").statusCode())
                .isEqualTo(400);
        assertProblem(page.agentAnswer("no-such-login", answer("x".getBytes(StandardCharsets.US_ASCII), "AAAA")),
                401, "citizen-login-refused");

        HttpResponse<byte[]> agentView = page.agentGet(login.id());
        assertThat(agentView.statusCode()).isEqualTo(200);
        JsonNode challenge = ServiceClient.json(agentView);
        assertThat(challenge.get("challenge").asString()).isEqualTo(login.challenge());
        assertThat(challenge.has("pickupToken")).isFalse();
        assertThat(page.pickup(login.id(), login.pickupToken()).statusCode()).isEqualTo(202);
    }

    @Test
    void aChallengeUsedByTheDirectLoginCannotBePickedUp() {
        Citizen citizen = CLIENT.issueCitizen("Bart", "Maes", EidLogins.newNationalNumber());
        EidLogins.Started login = page.start();

        HttpResponse<byte[]> direct = CLIENT.post("/api/citizen/login/eid", answer(
                TwoStepFlow.pem(citizen.authenticationChain()), base64(TwoStepFlow.sign(
                        login.challenge().getBytes(StandardCharsets.US_ASCII), "SHA256withRSA",
                        citizen.authenticationKey()))).field("challengeId", login.id()));
        assertThat(direct.statusCode()).as(TwoStepFlow.body(direct)).isEqualTo(200);

        assertProblem(page.pickup(login.id(), login.pickupToken()), 410, "login-already-answered");
        assertProblem(page.agentGet(login.id()), 410, "login-already-answered");
    }

    @Test
    void concurrentPickupsGiveExactlyOneSession() throws Exception {
        Citizen citizen = CLIENT.issueCitizen("Lien", "Jacobs", EidLogins.newNationalNumber());
        EidLogins.Started login = page.start();
        HttpResponse<byte[]> answered = page.agentAnswer(login.id(), answer(
                TwoStepFlow.pem(citizen.authenticationChain()), base64(TwoStepFlow.sign(
                        login.challenge().getBytes(StandardCharsets.US_ASCII), "SHA256withRSA",
                        citizen.authenticationKey()))));
        assertThat(answered.statusCode()).as(TwoStepFlow.body(answered)).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> pickups = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                pickups.add(() -> page.pickup(login.id(), login.pickupToken()).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(pickups)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 410).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Multipart answer(byte[] chain, String signature) {
        return new Multipart().file("certificateChain", "chain.pem", "application/x-pem-file", chain)
                .field("signature", signature);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** Subject and key usage as on an eID Authentication certificate, but issued by itself. */
    private static X509Certificate selfSigned(KeyPair keys, String nationalNumber) throws Exception {
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "BE")
                .addRDN(BCStyle.CN, "An Claes (Authentication)").addRDN(BCStyle.SURNAME, "Claes")
                .addRDN(BCStyle.GIVENNAME, "An").addRDN(BCStyle.SERIALNUMBER, nationalNumber).build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                keys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        PrivateKey key = keys.getPrivate();
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }
}
