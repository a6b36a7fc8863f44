package be.paraaf.validation.legit;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Makes the legitimate documents of the no-false-alarm corpus through paraaf's own API, as its clients do:
 * templates rendered by the prepare endpoint, uploads given new signature fields, two-step signatures by demo
 * citizens the demo PKI trusts, extensions to B-LTA and document time-stamps. The foreign writers (bare PDFBox +
 * BouncyCastle, bare DSS) and the form filler are {@link ForeignWriters} and {@link FormFiller}.
 */
public final class LegitCorpus {

    /** The templates and their signature fields in signing order (the leaflet has none). */
    public static final Map<String, List<String>> TEMPLATE_FIELDS = Map.of(
            "lease", List.of("tenant-1", "tenant-2", "agency"),
            "itsme-contract", List.of("citizen"),
            "actualisation", List.of("candidate"),
            "itsme-leaflet", List.of());

    private static final String[][] PEOPLE = {
        {"Zoë", "Van den Broeck", "920505123"}, {"Anaïs", "Çelik", "050312187"}, {"Jérôme", "Maës", "680707456"},
        {"Lotte", "Claes", "750101234"}, {"Karim", "El Amrani", "830214561"}, {"Elise", "Dubois", "910930412"},
        {"Pieter", "Janssens", "600606606"}, {"Marie", "Lambert", "871111789"}, {"Noah", "Peeters", "030303030"},
        {"Sara", "Willems", "990909090"},
    };

    private final ServiceClient client;
    private final TwoStepFlow flow;
    private final List<Citizen> citizens = new ArrayList<>();

    public LegitCorpus(ServiceClient client) {
        this.client = client;
        this.flow = new TwoStepFlow(client);
    }

    /** The i-th demo signer (0..9), issued on first use. */
    public synchronized Citizen signer(int i) {
        while (citizens.size() <= i) {
            String[] person = PEOPLE[citizens.size()];
            boolean born2000s = person[2].startsWith("0");
            citizens.add(client.issueCitizen(person[0], person[1],
                    NationalRegisterNumber.withCheck(person[2], born2000s).value()));
        }
        return citizens.get(i);
    }

    /** A template rendered by the prepare endpoint from its sample input (test-docs/templates), in Dutch. */
    public byte[] template(String name) {
        try {
            String input = Files.readString(TestDocs.TEMPLATE_INPUTS.resolve(name + ".json"));
            HttpResponse<byte[]> response = client.postJson("/api/templates/" + name + "/render?lang=nl", input);
            assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
            assertThat(response.headers().firstValue("Paraaf-Signature-Fields").filter(v -> !v.isBlank()).map(v -> Arrays.asList(v.split(",")))
                    .orElse(List.of())).as(name + " fields").containsExactlyElementsOf(TEMPLATE_FIELDS.get(name));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signer {@code signer} signs in {@code field} at {@code level} (B-B, B-T, B-LT, B-LTA). */
    public byte[] sign(byte[] pdf, int signer, String field, String level) {
        return sign(pdf, signer, level, Map.of("fieldName", field));
    }

    /** A signature with extra PAdES options (see SigningController.PadesOptions): placement, certification, ... */
    public byte[] sign(byte[] pdf, int signer, String level, Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("level", level);
        all.putIfAbsent("consentMethod", "eID card");
        all.putIfAbsent("language", "nl");
        return flow.signPdf(pdf, signer(signer), all);
    }

    /** An invisible signature: no field name, no placement (DSS makes a new invisible field). */
    public byte[] signInvisibly(byte[] pdf, int signer, String level) {
        Map<String, String> all = new HashMap<>();
        all.put("level", level);
        return flow.signPdf(pdf, signer(signer), all);
    }

    /** The signers 0.. sign the fields in order, each at {@code level}. */
    public byte[] signAll(byte[] pdf, List<String> fields, String level) {
        byte[] signed = pdf;
        for (int i = 0; i < fields.size(); i++) {
            signed = sign(signed, i, fields.get(i), level);
        }
        return signed;
    }

    /** Extends every signature to {@code level} through /api/extensions (B-LTA again adds an archive time-stamp). */
    public byte[] extend(byte[] pdf, String level) {
        HttpResponse<byte[]> response = client.post("/api/extensions", new Multipart()
                .file("document", "signed.pdf", "application/pdf", pdf).field("level", level));
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return response.body();
    }

    /** A document time-stamp through /api/timestamps. */
    public byte[] timestamp(byte[] pdf) {
        HttpResponse<byte[]> response = client.post("/api/timestamps", new Multipart()
                .file("document", "signed.pdf", "application/pdf", pdf));
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return response.body();
    }

    /**
     * Uploads {@code pdf} as the demo housing agency's document, adds {@code count} empty signature fields
     * {@code signer-1..} on page {@code page} (two columns from the top) through /api/documents/{id}/fields, and
     * returns the current version.
     */
    public byte[] withSignatureFields(byte[] pdf, int page, int count) {
        String key = DemoClients.WOONPUNT_KEY;
        HttpResponse<byte[]> uploaded = client.post("/api/documents", new Multipart()
                .file("document", "upload.pdf", "application/pdf", pdf), key);
        assertThat(uploaded.statusCode()).as(TwoStepFlow.body(uploaded)).isEqualTo(201);
        String id = ServiceClient.json(uploaded).get("id").asString();
        for (int i = 0; i < count; i++) {
            float x = 50 + (i % 2) * 260;
            float y = 60 + (i / 2) * 75;
            HttpResponse<byte[]> added = client.postJson("/api/documents/" + id + "/fields",
                    "{\"name\":\"signer-%d\",\"page\":%d,\"x\":%s,\"y\":%s,\"width\":230,\"height\":60}"
                            .formatted(i + 1, page, x, y), key);
            assertThat(added.statusCode()).as(TwoStepFlow.body(added)).isEqualTo(201);
        }
        HttpResponse<byte[]> content = client.get("/api/documents/" + id + "/content", key);
        assertThat(content.statusCode()).isEqualTo(200);
        return content.body();
    }

    /** The validation API's answer (see TwoStepFlow#validate). */
    public JsonNode validate(byte[] pdf, String name) {
        return flow.validate(pdf, name);
    }
}
