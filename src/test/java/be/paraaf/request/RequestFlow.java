package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.cli.ItsmeApp;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.Multipart;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An agency and its signers over HTTP: lease document, request, link tokens, eID signing through a link. */
public record RequestFlow(ServiceClient client, String apiKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signer of a test request: who they are, their link token once created. */
    public record Party(String role, String field, int step, Citizen citizen, String nrn) {
    }

    /** A fresh, valid national register number (born 1980–1999), so tests never share identities. */
    public static String newNationalNumber() {
        String nine = String.format("%02d%02d%02d%03d", 80 + RANDOM.nextInt(20), 1 + RANDOM.nextInt(12),
                1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(997));
        return NationalRegisterNumber.withCheck(nine, false).value();
    }

    public Party party(String role, String field, int step, String givenName) {
        String nrn = newNationalNumber();
        return new Party(role, field, step, client.issueCitizen(givenName, "Test", nrn), nrn);
    }

    /**
     * Renders the lease as the agency's document with the tenant parties (field {@code tenant-n}) as its tenants,
     * so each signs in the field the document names them in; a tenant field no party takes gets a stranger who is
     * not asked to sign. The fields are tenant-1 … tenant-n and agency; its id.
     */
    public String leaseDocument(List<Party> parties) {
        int tenants = Math.max(1, parties.stream().filter(party -> party.field().matches("tenant-\\d+"))
                .mapToInt(party -> Integer.parseInt(party.field().substring("tenant-".length()))).max().orElse(1));
        ObjectNode input = (ObjectNode) ServiceClient.JSON.readTree(
                TestDocs.read(TestDocs.TEMPLATE_INPUTS.resolve("lease.json")));
        ArrayNode people = input.putArray("tenants");
        for (int n = 1; n <= tenants; n++) {
            String field = "tenant-" + n;
            String nrn = parties.stream().filter(party -> party.field().equals(field)).map(Party::nrn).findFirst()
                    .orElseGet(RequestFlow::newNationalNumber);
            people.addObject().put("name", field + " Test").put("nationalNumber", nrn)
                    .put("birthDate", "19" + nrn.substring(0, 2) + "-" + nrn.substring(2, 4) + "-" + nrn.substring(4, 6));
        }
        HttpResponse<byte[]> response = client.postJson("/api/documents/templates/lease?lang=nl", input.toString(),
                apiKey);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(201);
        return ServiceClient.json(response).get("id").asString();
    }

    /** A request body for a lease rendered for {@code parties} (see {@link #leaseDocument(List)}). */
    public String leaseRequestBody(String level, String expiresAt, String callbackUrl, List<Party> parties) {
        return requestBody(leaseDocument(parties), level, expiresAt, callbackUrl, parties);
    }

    /**
     * A request body; the document's empty signature fields no party takes are named in {@code unsignedFields}
     * (left unsigned on purpose), as the service demands.
     */
    public String requestBody(String documentId, String level, String expiresAt, String callbackUrl, List<Party> parties) {
        StringBuilder signers = new StringBuilder();
        for (Party party : parties) {
            signers.append(signers.isEmpty() ? "" : ",").append("""
                    {"role":"%s","name":"%s Test","nationalRegisterNumber":"%s","email":"%s@example.be",
                     "consentMethods":"EITHER","fieldName":"%s","step":%d}"""
                    .formatted(party.role(), party.role(), party.nrn(), party.role(), party.field(), party.step()));
        }
        List<String> unsigned = new ArrayList<>();
        HttpResponse<byte[]> document = client.get("/api/documents/" + documentId, apiKey);
        if (document.statusCode() == 200) {
            ServiceClient.json(document).get("fields").forEach(field -> {
                String name = field.get("name").asString();
                if (!field.get("signed").asBoolean() && parties.stream().noneMatch(p -> p.field().equals(name))) {
                    unsigned.add(quoted(name));
                }
            });
        }
        return """
                {"documentId":"%s","title":"Huurovereenkomst Aalst","signatureLevel":%s,"expiresAt":%s,
                 "callbackUrl":%s,"signers":[%s],"unsignedFields":[%s]}""".formatted(documentId, quoted(level),
                quoted(expiresAt), quoted(callbackUrl), signers, String.join(",", unsigned));
    }

    /** Creates the request; answers the created JSON. */
    public JsonNode create(String body) {
        HttpResponse<byte[]> response = client.postJson("/api/requests", body, apiKey);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(201);
        return ServiceClient.json(response);
    }

    /** Link token per role from the creation answer. */
    public static Map<String, String> tokens(JsonNode created) {
        Map<String, String> tokens = new HashMap<>();
        created.get("signerLinks").forEach(link -> tokens.put(link.get("role").asString(), link.get("token").asString()));
        return tokens;
    }

    public JsonNode start(String id) {
        HttpResponse<byte[]> response = client.postJson("/api/requests/" + id + "/start", "", apiKey);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return ServiceClient.json(response);
    }

    public JsonNode get(String id) {
        HttpResponse<byte[]> response = client.get("/api/requests/" + id, apiKey);
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(200);
        return ServiceClient.json(response);
    }

    public HttpResponse<byte[]> prepareEid(String token, Citizen citizen) {
        return client.post("/api/sign/" + token + "/eid/prepare", new Multipart()
                .file("certificateChain", "chain.pem", "application/x-pem-file", TwoStepFlow.pem(citizen.chain())));
    }

    public HttpResponse<byte[]> completeEid(String token, JsonNode prepared, Citizen citizen) {
        byte[] dataToSign = Base64.getDecoder().decode(prepared.get("dataToSign").asString());
        String value = Base64.getEncoder().encodeToString(TwoStepFlow.sign(dataToSign,
                prepared.get("signatureAlgorithm").asString(), citizen.signatureKey()));
        return client.postJson("/api/sign/" + token + "/eid/complete",
                "{\"handle\":\"" + prepared.get("handle").asString() + "\",\"signatureValue\":\"" + value + "\"}");
    }

    /** Prepare + sign + complete through the signer's link; answers the outcome JSON. */
    public JsonNode signWithEid(String token, Citizen citizen) {
        HttpResponse<byte[]> prepared = prepareEid(token, citizen);
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        HttpResponse<byte[]> completed = completeEid(token, ServiceClient.json(prepared), citizen);
        assertThat(completed.statusCode()).as(TwoStepFlow.body(completed)).isEqualTo(200);
        return ServiceClient.json(completed);
    }

    /** Prepares through this flow's node and completes through {@code other}'s; answers the prepare answer. */
    public JsonNode signAcross(RequestFlow other, String token, Citizen citizen) {
        HttpResponse<byte[]> prepared = prepareEid(token, citizen);
        assertThat(prepared.statusCode()).as(TwoStepFlow.body(prepared)).isEqualTo(201);
        HttpResponse<byte[]> completed = other.completeEid(token, ServiceClient.json(prepared), citizen);
        assertThat(completed.statusCode()).as(TwoStepFlow.body(completed)).isEqualTo(200);
        return ServiceClient.json(prepared);
    }

    /** The signer page starts the push; the app sees the same verification code and approves with the code. */
    public void signWithItsme(String token, ItsmeApp app, String code) {
        HttpResponse<byte[]> started = client.postJson("/api/sign/" + token + "/itsme", "");
        assertThat(started.statusCode()).as(TwoStepFlow.body(started)).isEqualTo(202);
        JsonNode consent = ServiceClient.json(started);
        String consentId = consent.get("consentId").asString();
        ItsmeApp.Pending pending = app.pending(10).stream()
                .filter(candidate -> candidate.consentId().equals(consentId)).findFirst().orElseThrow();
        assertThat(pending.verificationCode()).isEqualTo(consent.get("verificationCode").asString());
        app.approve(consentId, code);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (ServiceClient.json(client.get("/api/sign/" + token)).toString().contains("\"SIGNED\"")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the itsme approval did not lead to a signature: "
                + TwoStepFlow.body(client.get("/api/sign/" + token)));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
