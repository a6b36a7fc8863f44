package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agency's own templates over HTTP: uploaded as a zip, versioned, used for that agency's documents (which record
 * the version), invisible to every other client, and refused with a 422 that lists the problems in words.
 */
class AgencyTemplatesIT extends ServiceIT {

    private static final String WOONPUNT = DemoClients.WOONPUNT_KEY;
    private static final String NOTARIS = DemoClients.NOTARIS_KEY;

    @Test
    void anAgencyUploadsVersionsAndUsesItsOwnTemplateWhichNoOtherClientSees() {
        String name = "lease-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);
        Map<String, byte[]> files = TemplatePackageTest.lease();
        files.put("template.json", new String(files.get("template.json"), StandardCharsets.UTF_8)
                .replace("\"name\": \"lease\"", "\"name\": \"" + name + "\"").getBytes(StandardCharsets.UTF_8));
        byte[] zip = TemplatePackageTest.zip(files);

        HttpResponse<byte[]> first = upload(zip, WOONPUNT);
        HttpResponse<byte[]> second = upload(zip, WOONPUNT);

        assertThat(first.statusCode()).as(body(first)).isEqualTo(201);
        assertThat(ServiceClient.json(first).get("version").asInt()).isEqualTo(1);
        assertThat(ServiceClient.json(second).get("version").asInt()).isEqualTo(2);
        assertThat(second.headers().firstValue("Location")).hasValue("/api/agency-templates/" + name + "/2");
        assertThat(ServiceClient.json(second).at("/template/signatureFields").toString()).contains("tenant-{n}");
        assertThat(names(CLIENT.get("/api/agency-templates", WOONPUNT))).contains(name + "@2", name + "@1");
        assertThat(names(CLIENT.get("/api/agency-templates", NOTARIS))).doesNotContain(name + "@1", name + "@2");

        String input = TemplateSamples.input("lease").toString();
        HttpResponse<byte[]> document = CLIENT.postJson("/api/documents/templates/" + name + "?lang=en", input,
                WOONPUNT);
        assertThat(document.statusCode()).as(body(document)).isEqualTo(201);
        assertThat(ServiceClient.json(document).get("source").asString()).isEqualTo("template:" + name + "@2");
        assertThat(ServiceClient.json(document).get("fields").toString()).contains("tenant-1", "tenant-2", "agency");

        HttpResponse<byte[]> stranger = CLIENT.postJson("/api/documents/templates/" + name + "?lang=en", input,
                NOTARIS);
        assertThat(stranger.statusCode()).as(body(stranger)).isEqualTo(404);
        assertThat(ServiceClient.json(stranger).get("type").asString()).endsWith("/unknown-template");
    }

    @Test
    void aBadPackageIsA422ListingEveryProblem() {
        Map<String, byte[]> files = TemplatePackageTest.lease();
        files.remove("labels/en.properties");
        files.put("template.html", new String(files.get("template.html"), StandardCharsets.UTF_8)
                .replace("{{deposit}}", "{{borg}}").getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> response = upload(TemplatePackageTest.zip(files), WOONPUNT);

        assertThat(response.statusCode()).as(body(response)).isEqualTo(422);
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).endsWith("/invalid-template-package");
        assertThat(problem.get("problems").toString()).contains("labels/en.properties is missing")
                .contains("placeholder 'borg' names no input field");
        assertThat(problem.get("detail").asString()).startsWith("The template package has 2 problems");
    }

    @Test
    void uploadingNeedsAnApiKey() {
        HttpResponse<byte[]> response = upload(TemplatePackageTest.zip(TemplatePackageTest.lease()), null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<byte[]> upload(byte[] zip, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CLIENT.baseUrl() + "/api/agency-templates"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return CLIENT.send(request.build());
    }

    private static List<String> names(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
        List<String> names = new ArrayList<>();
        ServiceClient.json(response).forEach(v -> names.add(v.get("name").asString() + "@" + v.get("version").asInt()));
        return names;
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
