package be.paraaf.request;

import static be.paraaf.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.demo.pki.DemoPki;
import be.paraaf.request.RequestFlow.Party;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The remote-consent (itsme) path of a signing request against a test double of {@link RemoteConsent}: start
 * consent → verification code; refusal recorded; approval completes the signature; identity binding holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ItsmeConsentIT {

    private static final int PORT = ServiceIT.freePort();
    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-itsme-it-");
    private static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
    }

    @TestConfiguration
    static class FakeItsme {

        @Bean
        @Primary // stands in for the real itsme adapter (ItsmeRemoteConsent)
        FakeRemoteConsent remoteConsent(DemoPki pki, ApplicationEventPublisher events) {
            return new FakeRemoteConsent(pki, events);
        }
    }

    @Autowired
    FakeRemoteConsent itsme;

    private final RequestFlow agency = new RequestFlow(CLIENT, DemoClients.WOONPUNT_KEY);

    @Test
    void tenantAndAgencySignWithItsmeAfterARefusal() {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        Party representative = new Party("agency", "agency", 2, null, RequestFlow.newNationalNumber());
        String body = agency.leaseRequestBody("B-T", null, null, List.of(tenant, representative))
                .replace("\"consentMethods\":\"EITHER\",\"fieldName\":\"agency\"",
                        "\"consentMethods\":\"ITSME\",\"fieldName\":\"agency\"");
        JsonNode created = agency.create(body);
        String id = created.get("id").asString();
        var tokens = RequestFlow.tokens(created);
        agency.start(id);

        JsonNode first = started(tokens.get("tenant-1"));
        assertThat(first.get("verificationCode").asString()).isNotBlank();
        assertThat(itsme.pending.get(first.get("consentId").asString()).title()).isEqualTo("Huurovereenkomst Aalst");
        itsme.refuse(first.get("consentId").asString());
        assertThat(agency.get(id).get("signers").get(0).get("state").asString()).isEqualTo("INVITED");

        itsme.approve(started(tokens.get("tenant-1")).get("consentId").asString());
        JsonNode afterTenant = agency.get(id);
        assertThat(afterTenant.get("signers").get(0).get("state").asString()).isEqualTo("SIGNED");
        assertThat(afterTenant.get("signers").get(1).get("state").asString()).isEqualTo("INVITED");

        // the representative may only use itsme
        assertProblem(agency.prepareEid(tokens.get("agency"), tenant.citizen()), 403, "consent-method-not-allowed");
        itsme.approve(started(tokens.get("agency")).get("consentId").asString());
        assertThat(agency.get(id).get("state").asString()).isEqualTo("COMPLETED");

        byte[] signed = CLIENT.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY).body();
        assertThat(TwoStepFlow.signatures(new TwoStepFlow(CLIENT).validate(signed, "lease.pdf"))).hasSize(2)
                .allSatisfy(s -> assertThat(s.get("indication").asString()).as(s.toString()).isEqualTo("TOTAL_PASSED"));
        String audit = new String(CLIENT.get("/api/requests/" + id + "/audit", DemoClients.WOONPUNT_KEY).body());
        assertThat(audit).contains("consent.requested", "consent.refused", "consent.approved", "signer.signed",
                "\"intact\":true");
    }

    @Test
    void remoteKeyOfAnotherPersonIsRefused() {
        Party tenant = new Party("tenant-1", "tenant-1", 1, null, RequestFlow.newNationalNumber());
        itsme.misroutes.put(tenant.nrn(), RequestFlow.newNationalNumber());
        JsonNode created = agency.create(agency.leaseRequestBody("B-B", null, null, List.of(tenant)));
        agency.start(created.get("id").asString());
        int pendingBefore = itsme.pending.size();

        assertProblem(CLIENT.postJson("/api/sign/" + RequestFlow.tokens(created).get("tenant-1") + "/itsme", ""), 403,
                "signer-identity-mismatch");
        assertThat(itsme.pending).as("no consent was asked for").hasSize(pendingBefore);
    }

    private static JsonNode started(String token) {
        HttpResponse<byte[]> response = CLIENT.postJson("/api/sign/" + token + "/itsme", "");
        assertThat(response.statusCode()).as(TwoStepFlow.body(response)).isEqualTo(202);
        return ServiceClient.json(response);
    }
}
