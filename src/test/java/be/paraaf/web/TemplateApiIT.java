package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The templates API over HTTP: the listing, a rendered PDF, and each refusal as its problem document. */
class TemplateApiIT extends ServiceIT {

    @Test
    void listsTheTemplatesWithLanguagesFieldsAndSchemas() {
        HttpResponse<byte[]> response = CLIENT.get("/api/templates");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode templates = ServiceClient.json(response);
        List<String> names = new ArrayList<>();
        templates.forEach(template -> names.add(template.get("name").asString()));
        assertThat(names).containsExactly("itsme-contract", "lease", "actualisation", "itsme-leaflet");
        JsonNode lease = templates.get(1);
        assertThat(lease.get("languages").toString()).isEqualTo("[\"nl\",\"fr\",\"en\"]");
        assertThat(lease.get("signatureFields").toString()).contains("tenant-{n}", "agency");
        assertThat(lease.at("/schema/properties/tenants/minItems").asInt()).isEqualTo(1);
        assertThat(lease.at("/schema/properties/baseRent/pattern").asString()).isNotBlank();
    }

    @Test
    void rendersAPdfWithItsSignatureFields() throws IOException {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/templates/lease/render?lang=fr", sample("lease"));

        assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("lease-fr.pdf");
        assertThat(response.headers().firstValue("Paraaf-Signature-Fields")).hasValue("tenant-1,tenant-2,agency");
        assertThat(new String(response.body(), 0, 8, StandardCharsets.US_ASCII)).startsWith("%PDF-1.7");
    }

    @Test
    void dutchIsTheDefaultLanguage() throws IOException {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/templates/itsme-leaflet/render", sample("itsme-leaflet"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("itsme-leaflet-nl.pdf");
    }

    @Test
    void invalidDataGivesOne422ListingEveryField() {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/templates/actualisation/render?lang=nl", """
                {"dossierNumber": "WIV-1", "nationalNumber": "85.07.30-033.29", "choice": "MAYBE",
                 "date": "2026-13-01"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://paraaf.be/problems/invalid-template-data");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "nationalNumber", "choice", "date");
        assertThat(problem.get("errors").get(0).has("message")).isTrue();
    }

    @Test
    void unknownTemplateIs404AndUnsupportedLanguage400() throws IOException {
        HttpResponse<byte[]> unknown = CLIENT.postJson("/api/templates/mortgage/render?lang=nl", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown)).contains("https://paraaf.be/problems/unknown-template");

        HttpResponse<byte[]> german = CLIENT.postJson("/api/templates/lease/render?lang=de", sample("lease"));
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(body(german)).contains("https://paraaf.be/problems/unsupported-language");
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/templates/lease/render", "{\"agency\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).contains("https://paraaf.be/problems/bad-request");
    }

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("test-docs/templates/" + name + ".json"));
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
