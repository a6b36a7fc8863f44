package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.ParaafException;
import be.paraaf.prepare.PdfInspection.ActiveContent;
import be.paraaf.prepare.PdfInspection.SignatureField;
import be.paraaf.signing.Placement;
import be.paraaf.support.BadDocuments;
import be.paraaf.support.SampleDocuments;
import be.paraaf.support.TestDocs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

class PdfInspectorTest {

    private final PdfInspector inspector = new PdfInspector(10, Duration.ofSeconds(30), Clock.systemUTC());
    private final byte[] contract = TestDocs.read(TestDocs.SAMPLE_CONTRACT);

    @Test
    void sampleContractHasTwoEmptySignatureFieldsOnPageTwo() {
        PdfInspection inspection = inspector.inspect(contract);

        assertThat(inspection.pageCount()).isEqualTo(2);
        assertThat(inspection.signatures()).isEmpty();
        assertThat(inspection.activeContent()).isEmpty();
        assertThat(inspection.fields()).extracting(SignatureField::name).containsExactly("tenant-1", "agency");
        SignatureField tenant = inspection.fields().get(0);
        // SampleDocuments puts it at PDF (60, 520) 220x70 on an A4 page (841.89 points high)
        assertThat(tenant.page()).isEqualTo(2);
        assertThat(tenant.x()).isEqualTo(60f);
        assertThat(tenant.y()).isCloseTo(841.89f - 590f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(tenant.signed()).isFalse();
    }

    @Test
    void everyKindOfActiveContentIsReportedWithItsLocation() {
        PdfInspection inspection = inspector.inspect(TestDocs.read(TestDocs.ACTIVE_CONTENT));

        assertThat(inspection.activeContent()).containsExactlyInAnyOrder(
                new ActiveContent("JavaScript", "document OpenAction"),
                new ActiveContent("JavaScript", "document-level JavaScript (Names /JavaScript)"),
                new ActiveContent("URI-JavaScript", "page 1 annotation 1 (Link) /A"),
                new ActiveContent("Launch", "page 1 /AA /O"));
    }

    @Test
    void removingActiveContentKeepsTheHarmlessLinkAndThePage() throws IOException {
        byte[] cleaned = inspector.removeActiveContent(TestDocs.read(TestDocs.ACTIVE_CONTENT));

        PdfInspection inspection = inspector.inspect(cleaned);
        assertThat(inspection.activeContent()).isEmpty();
        assertThat(inspection.pageCount()).isEqualTo(1);
        try (PDDocument document = Loader.loadPDF(cleaned)) {
            assertThat(document.getPage(0).getAnnotations()).hasSize(2);
            PDAnnotationLink web = (PDAnnotationLink) document.getPage(0).getAnnotations().get(1);
            assertThat(((PDActionURI) web.getAction()).getURI()).isEqualTo("https://www.vlaanderen.be/");
        }
    }

    @Test
    void documentWithoutActiveContentIsNotRewritten() {
        assertThat(inspector.removeActiveContent(contract)).isSameAs(contract);
    }

    @Test
    void addedFieldIsAnEmptySignatureFieldInAnIncrementalUpdate() throws IOException {
        byte[] changed = inspector.addSignatureField(contract, "tenant-2", new Placement(1, 60, 400, 200, 60));

        assertThat(Arrays.copyOf(changed, contract.length)).isEqualTo(contract);
        SignatureField added = inspector.inspect(changed).fields().stream()
                .filter(field -> field.name().equals("tenant-2")).findFirst().orElseThrow();
        assertThat(added).isEqualTo(new SignatureField("tenant-2", 1, 60, 400, 200, 60, false));
        try (PDDocument document = Loader.loadPDF(changed)) {
            assertThat(document.getDocumentCatalog().getAcroForm().getField("tenant-2"))
                    .isInstanceOf(PDSignatureField.class);
            assertThat(document.getPage(0).getAnnotations()).hasSize(1);
        }
    }

    @Test
    void fieldOnADocumentWithoutFormCreatesTheForm() throws IOException {
        byte[] changed = inspector.addSignatureField(SampleDocuments.blankPages(1), "signer", new Placement(1, 50, 50, 200, 60));
        assertThat(inspector.inspect(changed).fields()).extracting(SignatureField::name).containsExactly("signer");
    }

    @Test
    void duplicateFieldNameIsAConflict() {
        assertRefused(() -> inspector.addSignatureField(contract, "agency", new Placement(1, 60, 400, 200, 60)),
                409, "field-exists");
    }

    @Test
    void fieldOverAnotherSignatureFieldIsAConflict() {
        // tenant-1 occupies x 60..280, y 251.89..321.89 (top-left origin) on page 2
        assertRefused(() -> inspector.addSignatureField(contract, "witness", new Placement(2, 200, 300, 200, 60)),
                409, "field-overlap");
    }

    @Test
    void fieldOffThePageOrOnAMissingPageIsRefused() {
        assertRefused(() -> inspector.addSignatureField(contract, "x", new Placement(3, 60, 400, 200, 60)),
                422, "invalid-placement");
        assertRefused(() -> inspector.addSignatureField(contract, "x", new Placement(1, 500, 400, 200, 60)),
                422, "invalid-placement");
    }

    @Test
    void inspectionPastItsDeadlineIsStopped() {
        // the first reading sets the deadline, every later one is an hour on
        Clock slow = new Clock() {
            private Instant now = Instant.parse("2026-11-23T10:00:00Z");

            @Override
            public Instant instant() {
                Instant current = now;
                now = now.plus(Duration.ofHours(1));
                return current;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        PdfInspector inspector = new PdfInspector(10, Duration.ofSeconds(30), slow);
        assertRefused(() -> inspector.inspect(contract), 422, "inspection-timeout");
    }

    @Test
    void tooManyPagesIsRefused() throws IOException {
        assertRefused(() -> inspector.inspect(SampleDocuments.blankPages(11)), 422, "too-many-pages");
    }

    @Test
    void encryptedTruncatedAndNonPdfInputsAreRefused() throws IOException {
        assertRefused(() -> inspector.inspect(BadDocuments.encrypted(contract)), 422, "encrypted-document");
        assertRefused(() -> inspector.inspect(Arrays.copyOf(contract, contract.length / 2)), 422, "damaged-document");
        assertRefused(() -> inspector.inspect("hello".getBytes()), 415, "not-a-pdf");
        assertRefused(() -> inspector.inspect(new byte[0]), 400, "empty-document");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
            String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParaafException.class, e -> {
            assertThat(e.problemType()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(status);
        });
    }
}
