package be.paraaf.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Checks that a response is the RFC 9457 problem paraaf promises: status, media type, type URI, a detail. */
public final class Problems {

    private Problems() {
    }

    public static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String type) {
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://paraaf.be/problems/" + type);
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
        return problem;
    }
}
