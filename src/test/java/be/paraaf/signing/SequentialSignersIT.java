package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.PdfSig;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TestDocs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tenant certifies the lease (form filling and signing allowed), the agency co-signs: both signatures
 * stay valid. A later page-content change is an incremental update the verifiers must report.
 */
class SequentialSignersIT extends SigningScenario {

    @Test
    void certificationThenApprovalSignatureBothStayValid() {
        byte[] signed = signedByTenantAndAgency();

        List<JsonNode> signatures = signatures(validate(signed, "two-signers.pdf"));
        assertThat(signatures).hasSize(2);
        assertThat(signatures).allSatisfy(signature ->
                assertThat(signature.get("indication").asString()).as(signature.toString()).isEqualTo("TOTAL_PASSED"));

        List<PdfSig.Verdict> verdicts = pdfsig().signatures(signed);
        assertThat(verdicts).hasSize(2).allSatisfy(verdict ->
                assertThat(verdict.signatureValid()).as(verdict.block()).isTrue());
        assertThat(verdicts.get(1).totalDocumentSigned()).isTrue();
    }

    @Test
    void certificationForbiddingChangesRefusesASecondSigner() {
        Citizen tenant = citizen("Sofie", "Claes", NationalRegisterNumber.withCheck("920505123", false).value());
        byte[] certified = signTwoStep(TestDocs.read(TestDocs.SAMPLE_CONTRACT), tenant,
                Map.of("level", "B-B", "fieldName", "tenant-1", "certification", "NO_CHANGES"));

        Citizen agency = citizen("Luc", "Wouters", NationalRegisterNumber.withCheck("680707456", false).value());
        var response = CLIENT.post("/api/signatures/pades/prepare", new be.paraaf.support.Multipart()
                .file("document", "certified.pdf", "application/pdf", certified)
                .file("certificateChain", "chain.pem", "application/x-pem-file", pem(agency.chain()))
                .field("level", "B-B").field("fieldName", "agency"), KEY);
        assertThat(response.statusCode()).as(body(response)).isEqualTo(409);
        assertThat(body(response)).contains("https://paraaf.be/problems/document-locked");
    }

    @Test
    void pageContentAddedAfterSigningIsReportedAsAModification() throws IOException {
        byte[] modified = appendTextToFirstPage(signedByTenantAndAgency(), "Huur: € 1,00 (gewijzigd)");

        List<JsonNode> signatures = signatures(validate(modified, "modified.pdf"));
        assertThat(signatures).hasSize(2);
        assertThat(signatures).allSatisfy(signature -> {
            assertThat(signature.get("coversWholeDocument").asBoolean()).isFalse();
            assertThat(signature.get("modifications").isEmpty()).as(signature.toString()).isFalse();
        });
        assertThat(pdfsig().signatures(modified)).allSatisfy(verdict ->
                assertThat(verdict.totalDocumentSigned()).isFalse());
    }

    private static byte[] signedByTenantAndAgency() {
        Citizen tenant = citizen("Sofie", "Claes", NationalRegisterNumber.withCheck("920505123", false).value());
        byte[] certified = signTwoStep(TestDocs.read(TestDocs.SAMPLE_CONTRACT), tenant, Map.of("level", "B-T",
                "fieldName", "tenant-1", "certification", "FORM_FILLING_AND_SIGNING", "consentMethod", "eID card"));
        Citizen agency = citizen("Luc", "Wouters", NationalRegisterNumber.withCheck("680707456", false).value());
        return signTwoStep(certified, agency,
                Map.of("level", "B-T", "fieldName", "agency", "consentMethod", "itsme"));
    }

    static byte[] appendTextToFirstPage(byte[] pdf, String text) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(60, 600);
                content.showText(text.replace("€", "EUR"));
                content.endText();
            }
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
