package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.HashAlgorithm;
import be.paraaf.signing.KeyCredential;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SigningService;
import be.paraaf.signing.VisibleAppearance;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.PdfA;
import be.paraaf.support.PdfSig;
import be.paraaf.support.QPdf;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every signature field of every template, signed in turn with the core engine (PAdES B-B, one-step with
 * demo eID credentials, visible in the field): each signature is an incremental update, DSS and poppler's
 * pdfsig find every signature valid, qpdf finds the structure sound, and the result is still PDF/A-2b.
 */
class TemplateSigningIT extends ServiceIT {

    /** The signed results, for a human to look at; not committed. */
    private static final Path SIGNED_OUTPUT = Path.of("target/signed-templates");
    private static final List<Citizen> SIGNERS = new ArrayList<>();
    private static PdfSig pdfsig;

    @Autowired
    SigningService signing;

    @Autowired
    CertificateVerifier certificateVerifier;

    static Stream<Arguments> signableTemplatesInEveryLanguage() {
        return Stream.of("itsme-contract", "lease", "actualisation").flatMap(name ->
                Arrays.stream(Language.values()).map(language -> Arguments.of(name, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("signableTemplatesInEveryLanguage")
    void everyFieldSignedStaysValidAndPdfA(String name, Language language) throws IOException {
        RenderedDocument rendered = TemplateSamples.service().render(name, language, TemplateSamples.input(name));
        byte[] pdf = rendered.content();

        for (int i = 0; i < rendered.fieldNames().size(); i++) {
            String field = rendered.fieldNames().get(i);
            PadesSignatureSpec spec = new PadesSignatureSpec(SignatureLevel.B_B, HashAlgorithm.SHA256,
                    VisibleAppearance.inField(field, "eID card"), null, null, null);
            Citizen signer = signer(i);
            byte[] signed = signing.signPades(new DocumentInput(rendered.name(), pdf),
                    new KeyCredential(signer.signatureKey(), signer.chain()), spec).content();
            assertThat(Arrays.mismatch(pdf, signed)).as("signing %s is an incremental update", field)
                    .isEqualTo(pdf.length);
            PdfA.Verdict afterThisSignature = PdfA.validate(signed, PDFAFlavour.PDFA_2_A);
            assertThat(afterThisSignature.failures()).as("veraPDF PDF/A-2A failures after signing %s", field).isEmpty();
            PdfA.Verdict accessible = PdfA.validate(signed, PDFAFlavour.PDFUA_1);
            assertThat(accessible.failures()).as("veraPDF PDF/UA-1 failures after signing %s", field).isEmpty();
            pdf = signed;
        }

        Files.createDirectories(SIGNED_OUTPUT);
        Files.write(SIGNED_OUTPUT.resolve(rendered.name().replace(".pdf", "-signed.pdf")), pdf);
        assertSignedFieldsHaveAppearances(pdf, rendered.fieldNames());
        PdfA.Verdict verdict = PdfA.validate2b(pdf);
        assertThat(verdict.failures()).as("veraPDF PDF/A-2B failures after signing").isEmpty();
        assertThat(verdict.compliant()).isTrue();

        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(certificateVerifier);
        Reports reports = validator.validateDocument();
        SimpleReport report = reports.getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(rendered.fieldNames().size());
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("DSS verdict of %s: %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
        // stock DSS (the EU demo) must see each later signature as a form fill, not reach it through the tags
        for (SignatureWrapper signature : reports.getDiagnosticData().getSignatures()) {
            assertThat(signature.getPDFRevision().getPdfUndefinedChanges()).as("DSS undefined changes after %s",
                    signature.getSignatureFieldNames()).extracting(XmlObjectModification::getValue).isEmpty();
        }

        List<PdfSig.Verdict> verdicts = pdfsig().signatures(pdf);
        assertThat(verdicts).hasSize(rendered.fieldNames().size())
                .allSatisfy(v -> assertThat(v.signatureValid()).as(v.block()).isTrue());
        assertThat(verdicts.get(verdicts.size() - 1).totalDocumentSigned()).isTrue();

        ExternalTool.Result qpdf = QPdf.check(pdf);
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
    }

    /**
     * The production path for an eID card: two-step over HTTP (prepare, the card signs, complete), with a
     * time-stamp and, at B-LTA, validation data and a document time-stamp added as further revisions.
     */
    @ParameterizedTest(name = "itsme-contract two-step at {0}")
    @ValueSource(strings = {"B-T", "B-LTA"})
    void twoStepSignatureOverHttpStaysPdfA(String level) {
        RenderedDocument rendered = TemplateSamples.service().render("itsme-contract", Language.NL,
                TemplateSamples.input("itsme-contract"));

        byte[] signed = new TwoStepFlow(CLIENT).signPdf(rendered.content(), signer(0),
                Map.of("level", level, "fieldName", "citizen", "consentMethod", "eID card"));

        PdfA.Verdict verdict = PdfA.validate2b(signed);
        assertThat(verdict.failures()).as("veraPDF PDF/A-2B failures after %s", level).isEmpty();
        assertThat(pdfsig().signatures(signed)).hasSize(1)
                .allSatisfy(v -> assertThat(v.signatureValid()).as(v.block()).isTrue());
        ExternalTool.Result qpdf = QPdf.check(signed);
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
    }

    /** Each field carries the signature and a non-empty appearance, in the rectangle the template laid out. */
    private static void assertSignedFieldsHaveAppearances(byte[] pdf, List<String> fields) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (String name : fields) {
                PDSignatureField field = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getField(name);
                assertThat(field.getSignature()).as("signature in %s", name).isNotNull();
                var widget = field.getWidgets().get(0);
                assertThat(widget.getRectangle().getWidth()).isCloseTo(HtmlPdfRenderer.FIELD_WIDTH, within(0.01f));
                assertThat(widget.getRectangle().getHeight()).isCloseTo(HtmlPdfRenderer.FIELD_HEIGHT, within(0.01f));
                assertThat(widget.getNormalAppearanceStream().getContents().readAllBytes()).as("appearance of %s", name)
                        .isNotEmpty();
            }
        }
    }

    private static synchronized Citizen signer(int index) {
        String[][] people = {{"Zoë", "Van den Broeck", "920505123"}, {"Anaïs", "Çelik", "050312187"},
                {"Jérôme", "Maës", "680707456"}};
        while (SIGNERS.size() <= index) {
            String[] person = people[SIGNERS.size()];
            boolean born2000s = person[2].startsWith("0");
            SIGNERS.add(CLIENT.issueCitizen(person[0], person[1],
                    NationalRegisterNumber.withCheck(person[2], born2000s).value()));
        }
        return SIGNERS.get(index);
    }

    private static synchronized PdfSig pdfsig() {
        if (pdfsig == null) {
            pdfsig = PdfSig.trusting(CLIENT.rootCertificate(), DATA_DIR.resolve("nss-templates"));
        }
        return pdfsig;
    }
}
