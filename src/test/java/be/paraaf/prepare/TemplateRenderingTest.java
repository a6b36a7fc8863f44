package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.PdfA;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every template in every language renders to tagged PDF/A-2a that veraPDF also passes as PDF/UA-1, with the
 * expected signature fields.
 */
class TemplateRenderingTest {

    private static final TemplateService SERVICE = TemplateSamples.service();

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String name : TemplateSamples.NAMES) {
            for (Language language : Language.values()) {
                arguments.add(Arguments.of(name, language));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void rendersTaggedPdfA2aThatIsAlsoPdfUa1(String name, Language language) throws IOException {
        RenderedDocument document = SERVICE.render(name, language, TemplateSamples.input(name));

        PdfA.Verdict verdict = PdfA.validate(document.content(), PDFAFlavour.PDFA_2_A);
        assertThat(verdict.failures()).as("veraPDF PDF/A-2A failures").isEmpty();
        assertThat(verdict.compliant()).isTrue();
        assertThat(verdict.claimed()).isEqualTo(PDFAFlavour.PDFA_2_A);
        PdfA.Verdict accessible = PdfA.validate(document.content(), PDFAFlavour.PDFUA_1);
        assertThat(accessible.failures()).as("veraPDF PDF/UA-1 failures").isEmpty();
        assertThat(accessible.compliant()).isTrue();
        assertThat(document.name()).isEqualTo(name + "-" + language.tag() + ".pdf");
        assertThat(document.fieldNames()).containsExactlyElementsOf(switch (name) {
            case "itsme-contract" -> List.of("citizen");
            case "lease" -> List.of("tenant-1", "tenant-2", "agency");
            case "actualisation" -> List.of("candidate");
            default -> List.<String>of();
        });
        try (PDDocument pdf = Loader.loadPDF(document.content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(Labels.of(language).text("page.of", 1, pdf.getNumberOfPages()));
        }
    }

    /** The committed Dutch samples in test-docs/generated still match what the templates render. */
    @Test
    void committedSamplesAreCurrent() throws IOException {
        for (String name : TemplateSamples.NAMES) {
            byte[] committed = Files.readAllBytes(TemplateSamples.GENERATED.resolve(name + "-nl.pdf"));
            byte[] fresh = SERVICE.render(name, Language.NL, TemplateSamples.input(name)).content();
            try (PDDocument before = Loader.loadPDF(committed); PDDocument now = Loader.loadPDF(fresh)) {
                assertThat(new PDFTextStripper().getText(before)).as("%s: regenerate with TemplateSamples", name)
                        .isEqualTo(new PDFTextStripper().getText(now));
            }
            assertThat(PdfA.validate2b(committed).compliant()).as(name).isTrue();
        }
    }
}
