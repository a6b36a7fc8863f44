package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.notify.MailComposer.Kind;
import be.paraaf.request.RequestFlow.Party;
import be.paraaf.support.PdfA;
import be.paraaf.support.PdfSig;
import be.paraaf.support.PdfText;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Mail through a real SMTP server (GreenMail): invitations with a working personal link, reminders, the agency's
 * decline and expiry notices, the completion mail with the signed PDF — in the signer's language, a text and an
 * HTML part, no images; and no mail lost when the SMTP server is down at first. A context of its own (own port,
 * data directory and {@code spring.mail.*}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class MailIT {

    private static final int PORT = ServiceIT.freePort();
    private static final int SMTP_PORT = ServiceIT.freePort();
    private static final Path DATA_DIR = ServiceIT.temporaryDirectory("paraaf-mail-it-");
    private static final ServiceClient CLIENT = new ServiceClient("http://localhost:" + PORT);
    private static final Pattern LINK = Pattern.compile("http://localhost:" + PORT + "/sign\\.html\\?token=([A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("paraaf.data-dir", DATA_DIR::toString);
        registry.add("paraaf.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("paraaf.notify.from", () -> "Woonpunt via paraaf <no-reply@paraaf.test>");
        registry.add("paraaf.hand-offs.min-age", () -> "1s");
    }

    private final RequestFlow agency = new RequestFlow(CLIENT, DemoClients.WOONPUNT_KEY);

    @Autowired
    RequestDeadlineJob jobs;

    @Autowired
    RequestNotifications notifications;

    @Autowired
    HandOffResubmission resubmission;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signersAreInvitedRemindedAndReceiveTheSignedLeaseInTheirLanguage() throws Exception {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        Party representative = agency.party("agency", "agency", 2, "Jérôme");
        String tenantMail = "zoe." + tenant.nrn() + "@example.be";
        String agencyMail = "jerome." + representative.nrn() + "@example.be";
        JsonNode created = agency.create(body(agency.leaseDocument(List.of(tenant)), null, List.of(
                signer(tenant, tenantMail, "fr"), signer(representative, agencyMail, "nl"))));
        String id = created.get("id").asString();
        agency.start(id);

        MimeMessage invitation = awaitMail(tenantMail, "À signer : Huurovereenkomst Aalst");
        Parts parts = parts(invitation);
        assertThat(invitation.getFrom()[0].toString()).contains("no-reply@paraaf.test");
        assertThat(parts.text).contains("Bonjour tenant-1 Test,", "avec itsme ou votre eID", "Ouvrir le document");
        assertThat(parts.html).contains("<html lang=\"fr\">", "Ouvrir le document").doesNotContain("<img", "src=");
        assertThat(parts.attachments).isEmpty();
        String tenantToken = token(parts.text);
        assertThat(parts.html).contains(tenantToken);
        JsonNode info = ServiceClient.json(CLIENT.get("/api/sign/" + tenantToken));
        assertThat(info.get("fieldName").asString()).as("the mailed link is the signer's").isEqualTo("tenant-1");
        assertThat(mailsTo(agencyMail)).as("the second step is not invited yet").isEmpty();

        // a reminder after the delay, with a fresh link; a second run of the job at the same moment sends none
        assertThat(jobs.remindDue(Instant.now().plus(Duration.ofDays(3)))).isPositive();
        MimeMessage reminder = awaitMail(tenantMail, "Rappel : Huurovereenkomst Aalst attend votre signature");
        assertThat(parts(reminder).text).contains("(rappel 1)");
        assertThat(token(parts(reminder).text)).isNotEqualTo(tenantToken);

        agency.signWithEid(tenantToken, tenant.citizen());
        MimeMessage second = awaitMail(agencyMail, "Te ondertekenen: Huurovereenkomst Aalst");
        assertThat(parts(second).text).contains("Beste agency Test,", "met itsme of met uw eID");
        agency.signWithEid(token(parts(second).text), representative.citizen());
        assertThat(agency.get(id).get("state").asString()).isEqualTo("COMPLETED");

        byte[] signed = CLIENT.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY).body();
        Parts tenantCopy = parts(awaitMail(tenantMail, "Signé : Huurovereenkomst Aalst"));
        Parts agencyCopy = parts(awaitMail(agencyMail, "Ondertekend: Huurovereenkomst Aalst"));
        assertThat(tenantCopy.text).contains("le document signé et le certificat d’achèvement");
        assertThat(tenantCopy.attachments).extracting(Attachment::name)
                .containsExactly("lease-nl.pdf", "completion-certificate-" + id + "-fr.pdf");
        assertThat(PdfText.of(tenantCopy.attachments.get(1).bytes)).contains("Certificat d’achèvement");
        assertThat(PdfText.of(agencyCopy.attachments.get(1).bytes)).contains("Voltooiingscertificaat");
        for (Parts copy : List.of(tenantCopy, agencyCopy)) {
            assertThat(copy.attachments.stream().filter(a -> a.name.equals("lease-nl.pdf")).findFirst().orElseThrow()
                    .bytes).isEqualTo(signed);
        }

        // the hand-off again (as a resubmission would): nothing is sent twice
        int before = SMTP.getReceivedMessages().length;
        assertThat(notifications.deliver(new RequestNotice(id, Kind.COMPLETED, 0, 0))).isZero();
        assertThat(notifications.deliver(new RequestNotice(id, Kind.INVITATION, 1, 0))).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(before);
        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", DemoClients.WOONPUNT_KEY));
        assertThat(audit.toString()).contains("notification.mailed").doesNotContain(tenantMail);
    }

    @Test
    void theAgencyDownloadsASealedCompletionCertificateThatStatesWhoSignedWhatAndHowToCheck() throws Exception {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Zoë");
        JsonNode created = agency.create(body(agency.leaseDocument(List.of(tenant)), null,
                List.of(signer(tenant, null, "nl"))));
        String id = created.get("id").asString();
        assertThat(CLIENT.get("/api/requests/" + id + "/certificate", DemoClients.WOONPUNT_KEY).statusCode())
                .as("no certificate before completion").isEqualTo(409);
        agency.start(id);
        agency.signWithEid(RequestFlow.tokens(created).get("tenant-1"), tenant.citizen());

        HttpResponse<byte[]> download = CLIENT.get("/api/requests/" + id + "/certificate?lang=en",
                DemoClients.WOONPUNT_KEY);
        assertThat(download.statusCode()).as(TwoStepFlow.body(download)).isEqualTo(200);
        byte[] certificate = download.body();
        byte[] signed = CLIENT.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY).body();
        JsonNode audit = ServiceClient.json(CLIENT.get("/api/requests/" + id + "/audit", DemoClients.WOONPUNT_KEY));
        String completedHash = null;
        for (JsonNode entry : audit.get("entries")) {
            if (entry.get("event").asString().equals("request.completed")) {
                completedHash = entry.get("entryHash").asString();
            }
        }
        String formatted = be.paraaf.identity.NationalRegisterNumber.parse(tenant.nrn()).formatted();
        String text = PdfText.of(certificate).replaceAll("\\s+", " ");
        assertThat(text).contains("Completion certificate", "Huurovereenkomst Aalst", id, "tenant-1 Test (tenant-1)",
                formatted.substring(0, 8) + "-***.**", "eID", "SERIALNUMBER=" + formatted.substring(0, 8) + "-***.**", "SURNAME=Test",
                sha256(signed).substring(0, 32), sha256(signed).substring(32),
                completedHash.substring(0, 32), completedHash.substring(32), "How to verify")
                .doesNotContain(formatted, tenant.nrn());

        JsonNode validation = new TwoStepFlow(CLIENT).validate(certificate, "certificate.pdf");
        assertThat(validation.get("verdict").asString()).as(validation.toString()).isEqualTo("VALID");
        assertThat(TwoStepFlow.signatures(validation)).hasSize(1).allSatisfy(signature -> assertThat(
                signature.toString()).contains("paraaf Seal", "PAdES-BASELINE-LTA"));
        List<PdfSig.Verdict> pdfsig = PdfSig.trusting(CLIENT.rootCertificate(), DATA_DIR.resolve("nss-certificate"))
                .signatures(certificate);
        assertThat(pdfsig).hasSize(1).allSatisfy(verdict -> assertThat(verdict.signatureValid()).isTrue());
        PdfA.Verdict pdfa = PdfA.validate2b(certificate);
        assertThat(pdfa.compliant()).as(String.join("\n", pdfa.failures())).isTrue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theAgencyHearsOfADeclineWithItsReasonAndOfAnExpiry() throws Exception {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Anaïs");
        String notices = "dossiers." + tenant.nrn() + "@woonpunt.example.be";
        JsonNode declined = agency.create(body(agency.leaseDocument(List.of(tenant)), notices,
                List.of(signer(tenant, null, "en"))));
        agency.start(declined.get("id").asString());
        HttpResponse<byte[]> answer = CLIENT.postJson("/api/sign/" + RequestFlow.tokens(declined).get("tenant-1")
                + "/decline", "{\"reason\":\"De huurprijs klopt niet.\"}");
        assertThat(answer.statusCode()).as(TwoStepFlow.body(answer)).isEqualTo(200);
        Parts notice = parts(awaitMail(notices, "Geweigerd: Huurovereenkomst Aalst"));
        assertThat(notice.text).contains("tenant-1 Test (tenant-1) heeft geweigerd", "De huurprijs klopt niet.");

        Party late = agency.party("tenant-1", "tenant-1", 1, "Piet");
        String lateNotices = "dossiers." + late.nrn() + "@woonpunt.example.be";
        JsonNode expiring = agency.create(body(agency.leaseDocument(List.of(late)), lateNotices,
                List.of(signer(late, null, "nl"))));
        agency.start(expiring.get("id").asString());
        jobs.expireDue(Instant.now().plus(Duration.ofDays(30)));
        Parts expired = parts(awaitMail(lateNotices, "Verlopen: Huurovereenkomst Aalst"));
        assertThat(expired.text).contains("is verlopen op", "Nog niet ondertekend: tenant-1 Test.");
    }

    @Test
    void theAgencyHearsInTheLanguageItChoseForTheRequest() throws Exception {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Hélène");
        String notices = "dossiers." + tenant.nrn() + "@logement.example.be";
        JsonNode declined = agency.create(body(agency.leaseDocument(List.of(tenant)), notices, "fr",
                List.of(signer(tenant, null, "nl"))));
        agency.start(declined.get("id").asString());
        assertThat(CLIENT.postJson("/api/sign/" + RequestFlow.tokens(declined).get("tenant-1") + "/decline",
                "{\"reason\":\"Le loyer est erroné.\"}").statusCode()).isEqualTo(200);
        Parts notice = parts(awaitMail(notices, "Refusé : Huurovereenkomst Aalst"));
        assertThat(notice.text).contains("Bonjour ", "tenant-1 Test (tenant-1) a refusé de signer", "Le loyer est erroné.")
                .doesNotContain("geweigerd");
        assertThat(notice.html).contains("<html lang=\"fr\">");

        Party signer = agency.party("tenant-1", "tenant-1", 1, "Jürgen");
        String english = "files." + signer.nrn() + "@housing.example.be";
        JsonNode completed = agency.create(body(agency.leaseDocument(List.of(signer)), english, "en",
                List.of(signer(signer, null, "nl"))));
        String id = completed.get("id").asString();
        agency.start(id);
        agency.signWithEid(RequestFlow.tokens(completed).get("tenant-1"), signer.citizen());
        Parts done = parts(awaitMail(english, "Signed by everyone: Huurovereenkomst Aalst"));
        assertThat(done.text).contains("Everyone signed the document", "tenant-1 Test");
        assertThat(done.attachments).extracting(Attachment::name)
                .containsExactly("lease-nl.pdf", "completion-certificate-" + id + "-en.pdf");
        assertThat(done.attachments.get(0).bytes).isEqualTo(
                CLIENT.get("/api/requests/" + id + "/document", DemoClients.WOONPUNT_KEY).body());
        assertThat(PdfText.of(done.attachments.get(1).bytes)).contains("Completion certificate");
        // the hand-off again: the agency's notice is not sent twice
        assertThat(notifications.deliver(new RequestNotice(id, Kind.COMPLETED, 0, 0))).isZero();
        assertThat(mailsTo(english)).hasSize(1);
    }

    @Test
    void aNoticeLanguageIsCheckedWhenTheRequestIsMade() throws Exception {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Lotte");
        String document = agency.leaseDocument(List.of(tenant));
        for (String bad : List.of(body(document, "dossiers@woonpunt.example.be", "de", List.of(signer(tenant, null, "nl"))),
                body(document, null, "fr", List.of(signer(tenant, null, "nl"))))) {
            HttpResponse<byte[]> answer = CLIENT.postJson("/api/requests", bad, DemoClients.WOONPUNT_KEY);
            assertThat(answer.statusCode()).as(TwoStepFlow.body(answer)).isEqualTo(422);
            assertThat(ServiceClient.json(answer).get("detail").asString()).contains("notificationLanguage");
        }
        JsonNode openApi = ServiceClient.json(CLIENT.get("/v3/api-docs"));
        assertThat(openApi.at("/components/schemas/NewRequest/properties/notificationLanguage").isMissingNode())
                .as("the OpenAPI description names the field").isFalse();
    }

    @Test
    void anInvitationTheSmtpServerCouldNotTakeIsSentWhenTheHandOffIsResubmitted() throws Exception {
        Party tenant = agency.party("tenant-1", "tenant-1", 1, "Jürgen");
        String address = "jurgen." + tenant.nrn() + "@example.be";
        JsonNode created = agency.create(body(agency.leaseDocument(List.of(tenant)), null,
                List.of(signer(tenant, address, "nl"))));
        SMTP.stop();
        try {
            agency.start(created.get("id").asString());
            Instant deadline = Instant.now().plusSeconds(30);
            while (incompleteNotices() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            assertThat(incompleteNotices()).as("the failed hand-off stays recorded").isPositive();
        } finally {
            SMTP.start();
        }
        assertThat(mailsTo(address)).isEmpty();
        Instant deadline = Instant.now().plusSeconds(60);
        while (mailsTo(address).isEmpty() && Instant.now().isBefore(deadline)) {
            resubmission.run();
            Thread.sleep(500);
        }
        assertThat(subjects(mailsTo(address))).containsExactly("Te ondertekenen: Huurovereenkomst Aalst");
    }

    private int incompleteNotices() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and event_type like ?")
                .param("%RequestNotice%").query(Integer.class).single();
    }

    private static String signer(Party party, String email, String language) {
        return """
                {"role":"%s","name":"%s Test","nationalRegisterNumber":"%s","email":%s,"language":"%s",
                 "consentMethods":"EITHER","fieldName":"%s","step":%d}""".formatted(party.role(), party.role(),
                party.nrn(), email == null ? "null" : "\"" + email + "\"", language, party.field(), party.step());
    }

    private String body(String documentId, String notificationEmail, List<String> signers) {
        return body(documentId, notificationEmail, null, signers);
    }

    private String body(String documentId, String notificationEmail, String notificationLanguage,
            List<String> signers) {
        boolean agencySigns = signers.stream().anyMatch(s -> s.contains("\"fieldName\":\"agency\""));
        return """
                {"documentId":"%s","title":"Huurovereenkomst Aalst","signatureLevel":"B-B",
                 "notificationEmail":%s,"notificationLanguage":%s,"signers":[%s],"unsignedFields":[%s]}"""
                .formatted(documentId, notificationEmail == null ? "null" : "\"" + notificationEmail + "\"",
                        notificationLanguage == null ? "null" : "\"" + notificationLanguage + "\"",
                        String.join(",", signers), agencySigns ? "" : "\"agency\"");
    }

    private static String token(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a personal link in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<String> subjects(List<MimeMessage> messages) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static MimeMessage awaitMail(String address, String subject) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mailsTo(address)) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail \"" + subject + "\" to " + address + "; received: "
                + subjects(mailsTo(address)));
    }

    private record Attachment(String name, byte[] bytes) {
    }

    private static final class Parts {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
    }

    private static Parts parts(Part message) throws Exception {
        Parts parts = new Parts();
        collect(message, parts);
        assertThat(parts.text).as("a plain-text part").isNotNull();
        assertThat(parts.html).as("an HTML part").isNotNull();
        return parts;
    }

    private static void collect(Part part, Parts parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getInputStream().transferTo(bytes);
            parts.attachments.add(new Attachment(part.getFileName(), bytes.toByteArray()));
        } else if (part.isMimeType("text/plain")) {
            parts.text = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            parts.html = (String) part.getContent();
        }
    }
}
