package be.paraaf.citizen;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.agent.VirtualCard;
import be.paraaf.support.CliProcess;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A web page logs a citizen in with the eID through the local agent, end to end: the page's HTTP calls, the real
 * {@code paraaf eid-agent login} in a child JVM, a SoftHSM2 virtual card certified by the running service.
 */
class EidAgentLoginIT extends ServiceIT {

    private static final String PIN = "1234";

    @TempDir
    Path dir;

    private final EidLogins page = new EidLogins(CLIENT);

    @BeforeEach
    void requireSoftHsm() {
        ExternalTool.require("softhsm2-util", "softhsm2");
    }

    @Test
    void theAgentAnswersWithTheCardAndThePagePicksUpItsSessionOnce() {
        String nrn = EidLogins.newNationalNumber();
        Path card = createCard(nrn, "RSA");
        EidLogins.Started login = page.start();
        assertThat(login.agentLink()).isEqualTo(CLIENT.baseUrl() + "/api/citizen/login/eid/" + login.id());
        assertThat(login.pickupToken()).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url

        HttpResponse<byte[]> pending = page.pickup(login.id(), login.pickupToken());
        assertThat(pending.statusCode()).as(TwoStepFlow.body(pending)).isEqualTo(202);
        assertThat(ServiceClient.json(pending).get("status").asString()).isEqualTo("PENDING");

        CliProcess.Result agent = agentLogin(login.agentLink(), card, PIN);
        assertThat(agent.exitCode()).as(agent.output()).isZero();
        assertThat(agent.output()).contains("Logged in as Jan Peeters", "*******" + nrn.substring(7),
                "return to your browser").doesNotContain(nrn).doesNotContain(login.pickupToken());

        HttpResponse<byte[]> picked = page.pickup(login.id(), login.pickupToken());
        assertThat(picked.statusCode()).as(TwoStepFlow.body(picked)).isEqualTo(200);
        JsonNode session = ServiceClient.json(picked);
        assertThat(session.get("nationalRegisterNumber").asString()).isEqualTo(nrn);
        assertThat(session.get("method").asString()).isEqualTo("EID");
        assertThat(Instant.parse(session.get("expiresAt").asString())).isAfter(Instant.now());
        HttpResponse<byte[]> requests = page.requests(session.get("token").asString());
        assertThat(requests.statusCode()).as(TwoStepFlow.body(requests)).isEqualTo(200);

        assertProblem(page.pickup(login.id(), login.pickupToken()), 410, "login-already-picked-up");
        assertProblem(page.pickup(login.id(), "not-the-pickup-token"), 401, "pickup-token-refused");
        assertProblem(page.pickup(login.id(), null), 401, "pickup-token-refused");
        assertProblem(page.agentGet(login.id()), 410, "login-already-answered");

        // the same link again: the login was answered, the agent says so and fails as a server refusal
        CliProcess.Result replay = agentLogin(login.agentLink(), card, PIN);
        assertThat(replay.exitCode()).as(replay.output()).isEqualTo(6);
        assertThat(replay.output()).contains("already answered");
    }

    @Test
    void aWrongPinLeavesTheLoginPendingAndTheRightOneCompletesIt() {
        String nrn = EidLogins.newNationalNumber();
        Path card = createCard(nrn, "RSA");
        EidLogins.Started login = page.start();

        CliProcess.Result wrong = agentLogin(login.agentLink(), card, "9999");
        assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(4);
        assertThat(wrong.output()).contains("Wrong PIN. 2 tries left");
        assertThat(page.pickup(login.id(), login.pickupToken()).statusCode()).isEqualTo(202);
        assertThat(page.agentGet(login.id()).statusCode()).isEqualTo(200);

        CliProcess.Result right = agentLogin(login.agentLink(), card, PIN);
        assertThat(right.exitCode()).as(right.output()).isZero();
        HttpResponse<byte[]> picked = page.pickup(login.id(), login.pickupToken());
        assertThat(picked.statusCode()).as(TwoStepFlow.body(picked)).isEqualTo(200);
        assertThat(ServiceClient.json(picked).get("nationalRegisterNumber").asString()).isEqualTo(nrn);
    }

    @Test
    void anEllipticCurveCardSignsTheChallengeWithEcdsa() {
        String nrn = EidLogins.newNationalNumber();
        Path card = createCard(nrn, "EC");
        EidLogins.Started login = page.start();

        CliProcess.Result agent = agentLogin(login.agentLink(), card, PIN);

        assertThat(agent.exitCode()).as(agent.output()).isZero();
        HttpResponse<byte[]> picked = page.pickup(login.id(), login.pickupToken());
        assertThat(picked.statusCode()).as(TwoStepFlow.body(picked)).isEqualTo(200);
        assertThat(ServiceClient.json(picked).get("nationalRegisterNumber").asString()).isEqualTo(nrn);
    }

    @Test
    void anUnknownLoginStopsTheAgentBeforeThePin() {
        Path card = createCard(EidLogins.newNationalNumber(), "RSA");

        CliProcess.Result agent = agentLogin(CLIENT.baseUrl() + "/api/citizen/login/eid/no-such-login", card, "9999");

        assertThat(agent.exitCode()).as(agent.output()).isEqualTo(6);
        assertThat(agent.output()).contains("No such eID login");
        // no PIN was tried: the card still has all its tries
        assertThat(VirtualCard.at(card).pinGuard().triesLeft()).isEqualTo(3);
    }

    private Path createCard(String nationalNumber, String keyType) {
        Path card = dir.resolve("card-" + nationalNumber);
        // no SOFTHSM2_CONF here: the command starts its own child JVM with it
        CliProcess.Result created = CliProcess.run(Map.of(), null, List.of("eid", "virtual-card", "create",
                "--server", CLIENT.baseUrl(), "--given-name", "Jan", "--surname", "Peeters",
                "--national-number", nationalNumber, "--pin", PIN, "--dir", card.toString(), "--key-type", keyType));
        assertThat(created.exitCode()).as(created.output()).isZero();
        return card;
    }

    /** Without SOFTHSM2_CONF: the agent selects the card itself by running again in a child JVM. */
    private static CliProcess.Result agentLogin(String link, Path card, String pin) {
        return CliProcess.run(Map.of(), pin + "\n", List.of("eid-agent", "login", "--link", link,
                "--card-dir", card.toString(), "--pin-stdin"));
    }
}
