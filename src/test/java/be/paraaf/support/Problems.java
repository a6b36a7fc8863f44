package be.paraaf.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Asserts RFC 9457 problem responses: status, media type, paraaf's type URI, a detail without internals. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(HttpResponse<byte[]> response, int status, String type) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://paraaf.be/problems/" + type);
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }
}
