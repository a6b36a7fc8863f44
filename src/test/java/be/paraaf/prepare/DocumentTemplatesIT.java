package be.paraaf.prepare;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An agency renders a lease as its document, previews its pages and has a tenant sign it. */
class DocumentTemplatesIT extends ServiceIT {

    private static final String WOONPUNT = DemoClients.WOONPUNT_KEY;
    private static final String NOTARIS = DemoClients.NOTARIS_KEY;

    @Test
    void renderedLeaseIsStoredPreviewedAndSignable() throws IOException {
        String lease = Files.readString(TestDocs.TEMPLATE_INPUTS.resolve("lease.json"));
        HttpResponse<byte[]> created = CLIENT.postJson("/api/documents/templates/lease?lang=nl", lease, WOONPUNT);
        assertThat(created.statusCode()).as(TwoStepFlow.body(created)).isEqualTo(201);
        JsonNode metadata = ServiceClient.json(created);
        String id = metadata.get("id").asString();
        assertThat(metadata.get("source").asString()).isEqualTo("template:lease");
        List<String> fields = new ArrayList<>();
        metadata.get("fields").forEach(field -> fields.add(field.get("name").asString()));
        assertThat(fields).containsExactly("tenant-1", "tenant-2", "agency");

        HttpResponse<byte[]> preview = CLIENT.get("/api/documents/" + id + "/pages/1.png?dpi=48", WOONPUNT);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(image.getWidth()).isBetween(390, 400); // A4 at 48 dpi

        assertProblem(CLIENT.get("/api/documents/" + id + "/pages/99.png", WOONPUNT), 404, "page-not-found");
        assertProblem(CLIENT.get("/api/documents/" + id + "/pages/1.png?dpi=5000", WOONPUNT), 400,
                "invalid-resolution");
        assertProblem(CLIENT.get("/api/documents/" + id + "/pages/1.png", NOTARIS), 404, "document-not-found");

        byte[] pdf = CLIENT.get("/api/documents/" + id + "/content", WOONPUNT).body();
        Citizen tenant = CLIENT.issueCitizen("Zoë", "Van den Broeck", NationalRegisterNumber.withCheck("920505123",
                false).value());
        TwoStepFlow flow = new TwoStepFlow(CLIENT);
        byte[] signed = flow.signPdf(pdf, tenant, Map.of("level", "B-T", "fieldName", "tenant-1",
                "consentMethod", "eID", "language", "nl"));
        JsonNode signature = TwoStepFlow.signatures(flow.validate(signed, "lease-signed.pdf")).get(0);
        assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("signatureFieldName").asString()).isEqualTo("tenant-1");
    }

    @Test
    void invalidTemplateDataIsOneProblemListingEveryField() {
        JsonNode problem = assertProblem(CLIENT.postJson("/api/documents/templates/itsme-contract?lang=fr",
                "{\"name\":\"\",\"nationalNumber\":\"85073003329\",\"phone\":\"12\"}", WOONPUNT), 422,
                "invalid-template-data");
        assertThat(problem.get("errors").size()).isGreaterThanOrEqualTo(3);
        assertProblem(CLIENT.postJson("/api/documents/templates/no-such-template", "{}", WOONPUNT), 404,
                "unknown-template");
        assertProblem(CLIENT.postJson("/api/documents/templates/lease", "{}"), 401, "unauthenticated");
    }
}
