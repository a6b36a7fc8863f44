package be.paraaf.web;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.LimitedServiceIT;
import be.paraaf.support.Multipart;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Over a limit the service answers 429 with Retry-After and a rate-limited problem, per address for anonymous work
 * and per citizen for itsme login pushes (small limits from {@link LimitedServiceIT}).
 */
class RateLimitIT extends LimitedServiceIT {

    @Test
    void anonymousValidationsOverTheLimitAre429WithRetryAfterAndAProblem() {
        Supplier<HttpResponse<byte[]>> validation = () -> CLIENT.post("/api/validations",
                new Multipart().file("document", "x.pdf", "application/pdf", "not a pdf".getBytes()));
        HttpResponse<byte[]> refused = afterAllowed(2, validation);

        JsonNode problem = assertProblem(refused, 429, "rate-limited");
        assertThat(problem.get("title").asString()).isEqualTo("Rate limited");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/validations");
        assertThat(problem.get("detail").asString()).contains("this address");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
    }

    @Test
    void anonymousTimeStampsAndExtensionsShareALimit() {
        Supplier<HttpResponse<byte[]>> stamp = () -> CLIENT.post("/api/timestamps",
                new Multipart().file("document", "x.pdf", "application/pdf", "not a pdf".getBytes()));
        assertRetryAfter(afterAllowed(2, stamp));
        assertThat(CLIENT.post("/api/extensions", new Multipart().file("document", "x.pdf", "application/pdf",
                "not a pdf".getBytes())).statusCode()).isEqualTo(429);
    }

    @Test
    void reportAndPictureDownloadsAreLimitedPerAddress() {
        assertRetryAfter(afterAllowed(3, () -> CLIENT.get("/api/validations/no-such-report/reports/etsi")));
    }

    @Test
    void signingLinkLookupsAreLimitedPerAddress() {
        assertRetryAfter(afterAllowed(5, () -> CLIENT.get("/api/sign/no-such-token")));
    }

    @Test
    void itsmeEnrolmentsAreLimitedPerAddress() {
        assertRetryAfter(afterAllowed(2, () -> CLIENT.postJson("/api/itsme/enrolments", "{}")));
    }

    @Test
    void eidLoginChallengesAreLimitedButThePagesPickupPollIsNot() {
        assertRetryAfter(afterAllowed(3, () -> CLIENT.postJson("/api/citizen/login/eid/challenge", "")));
        for (int i = 0; i < 5; i++) {
            assertThat(CLIENT.postJson("/api/citizen/login/eid/unknown/session", "{}").statusCode()).isNotEqualTo(429);
        }
    }

    @Test
    void oneCitizensPhoneGetsAtMostThreeLoginPushesWhoeverAsks() {
        String citizen = NationalRegisterNumber.withCheck("850101123", false).value();
        HttpResponse<byte[]> refused = afterAllowed(3, () -> itsmeLogin(citizen));
        JsonNode problem = assertRetryAfter(refused);
        assertThat(problem.get("detail").asString()).contains("national register number");
        // the same number written differently is the same citizen; another citizen is not held up
        assertThat(itsmeLogin(citizen.substring(0, 2) + "." + citizen.substring(2, 4) + "." + citizen.substring(4, 6)
                + "-" + citizen.substring(6, 9) + "." + citizen.substring(9)).statusCode()).isEqualTo(429);
        assertThat(itsmeLogin(NationalRegisterNumber.withCheck("850101124", false).value()).statusCode())
                .isEqualTo(202);
    }

    @Test
    void anApiClientHasItsOwnLimit() {
        JsonNode problem = assertRetryAfter(afterAllowed(40, () -> CLIENT.get("/api/requests",
                DemoClients.NOTARIS_KEY)));
        assertThat(problem.get("detail").asString()).contains("this API client");
    }

    private static HttpResponse<byte[]> itsmeLogin(String nrn) {
        return CLIENT.postJson("/api/citizen/login/itsme", "{\"nationalRegisterNumber\":\"" + nrn + "\"}");
    }

    /** Calls {@code allowed} times (none refused), then once more: that answer. */
    private static HttpResponse<byte[]> afterAllowed(int allowed, Supplier<HttpResponse<byte[]>> call) {
        for (int i = 0; i < allowed; i++) {
            HttpResponse<byte[]> response = call.get();
            assertThat(response.statusCode()).as("call %d: %s", i + 1, TwoStepFlow.body(response)).isNotEqualTo(429);
        }
        return call.get();
    }

    private static JsonNode assertRetryAfter(HttpResponse<byte[]> refused) {
        JsonNode problem = assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        return problem;
    }
}
