package be.paraaf.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.support.PdfA;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * An agency's template package: a good one (the built-in lease, zipped, with an extra clause) renders; each kind of
 * mistake is refused with a 422 that names it; untrusted markup loads nothing from outside the package.
 */
class TemplatePackageTest {

    private static final TemplateService SERVICE = TemplateSamples.service();

    @Test
    void aBuiltInPackageZippedIsAValidUploadAndRendersAsAgencyTemplate() throws IOException {
        Map<String, byte[]> files = lease();
        files.put("template.html", text(files.get("template.html")).replace("<h2>{{#t}}general{{/t}}</h2>",
                "<p>{{#t}}house.rule{{/t}}</p><h2>{{#t}}general{{/t}}</h2>").getBytes(StandardCharsets.UTF_8));
        for (String language : List.of("nl", "fr", "en")) {
            String path = "labels/" + language + ".properties";
            files.put(path, (text(files.get(path)) + "\nhouse.rule=Huisdieren: één kat (" + language + ")\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        TemplatePackage template = SERVICE.validate(zip(files), 2);

        RenderedDocument rendered = SERVICE.render(template, Language.FR, TemplateSamples.input("lease"));
        assertThat(rendered.fieldNames()).containsExactly("tenant-1", "tenant-2", "agency");
        assertThat(PdfA.validate(rendered.content(), PDFAFlavour.PDFA_2_A).failures()).isEmpty();
        assertThat(PdfA.validate(rendered.content(), PDFAFlavour.PDFUA_1).failures()).isEmpty();
        assertThat(template.version()).isEqualTo(2);
    }

    @Test
    void thePackagesOwnStylesheetAndImagesAreUsed() throws IOException {
        Map<String, byte[]> files = lease();
        java.awt.image.BufferedImage logo = new java.awt.image.BufferedImage(40, 20,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(logo, "png", png);
        files.put("img/logo.png", png.toByteArray());
        files.put("style.css", "h2 { text-transform: uppercase; }".getBytes(StandardCharsets.UTF_8));
        files.put("template.html", text(files.get("template.html")).replace("<head>",
                "<head><link rel=\"stylesheet\" href=\"style.css\"/>").replace("<body>",
                "<body><img src=\"img/logo.png\" alt=\"Logo\" style=\"width: 40pt; height: 20pt\"/>")
                .getBytes(StandardCharsets.UTF_8));

        byte[] pdf = SERVICE.render(SERVICE.validate(zip(files), 1), Language.NL, TemplateSamples.input("lease"))
                .content();

        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var firstPage = document.getPage(0).getResources();
            boolean hasImage = false;
            for (var name : firstPage.getXObjectNames()) {
                hasImage |= firstPage.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
            }
            assertThat(hasImage).as("the package's logo is on page 1").isTrue();
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).as("the package's CSS puts headings in capitals").contains("VERHUURDER")
                    .doesNotContain("Verhuurder\n");
        }
        assertThat(PdfA.validate(pdf, PDFAFlavour.PDFUA_1).failures()).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsRefusedInWords() {
        Map<String, byte[]> files = lease();
        files.put("template.html", text(files.get("template.html")).replace("{{deposit}}", "{{waarborg}}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems(files)).anyMatch(p -> p.contains("placeholder 'waarborg' names no input field"));
    }

    @Test
    void reflectionThroughAPlaceholderIsRefused() {
        Map<String, byte[]> files = lease();
        files.put("template.html", text(files.get("template.html")).replace("{{deposit}}", "{{deposit.class.name}}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems(files)).anyMatch(p -> p.contains("placeholder 'deposit.class.name'"));
    }

    @Test
    void aSignatureElementWithoutADeclaredSignerRoleIsRefused() {
        Map<String, byte[]> files = lease();
        files.put("template.html", text(files.get("template.html")).replace("data-signer=\"agency\"",
                "data-signer=\"witness\"").getBytes(StandardCharsets.UTF_8));

        assertThat(problems(files))
                .anyMatch(p -> p.contains("data-signer=\"witness\", which is no signer role declared"))
                .anyMatch(p -> p.contains("no signature element for signer role 'agency'"));
    }

    @Test
    void aSignerMustNameThePartyItSignsFor() {
        Map<String, byte[]> files = lease();
        files.put("template.json", text(files.get("template.json")).replace("\"party\": \"agency\"",
                "\"party\": \"landlord\"").getBytes(StandardCharsets.UTF_8));

        assertThat(problems(files)).anyMatch(p -> p.contains("signer 'agency' names party 'landlord', which is not "
                + "an input field"));
    }

    @Test
    void aMissingLanguageOrLabelIsRefused() {
        Map<String, byte[]> files = lease();
        files.remove("labels/fr.properties");
        files.put("labels/en.properties", text(files.get("labels/en.properties")).replace("dwelling=", "dwelling.x=")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems(files))
                .anyMatch(p -> p.equals("labels/fr.properties is missing: every template has labels in nl, fr and en"))
                .anyMatch(p -> p.contains("labels/en.properties has no label 'dwelling'"));
    }

    @Test
    void scriptUnescapedOutputAndMalformedMarkupAreRefused() {
        Map<String, byte[]> files = lease();
        files.put("template.html", text(files.get("template.html")).replace("<body>",
                "<body><script>alert(1)</script><p>{{{clauses}}}</p>").getBytes(StandardCharsets.UTF_8));
        assertThat(problems(files)).anyMatch(p -> p.contains("<script> is not allowed"))
                .anyMatch(p -> p.contains("unescaped output"));

        Map<String, byte[]> broken = lease();
        broken.put("template.html", text(broken.get("template.html")).replace("</table>", "")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(problems(broken)).anyMatch(p -> p.contains("not well-formed XHTML"));
    }

    @Test
    void theMarkupCannotFetchAnythingOutsideThePackage() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String outside = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, byte[]> files = lease();
            files.put("template.html", text(files.get("template.html")).replace("<head>", "<head><link rel=\""
                    + "stylesheet\" href=\"" + outside + "/a.css\"/><link rel=\"stylesheet\" href=\"file:///etc/"
                    + "passwd\"/><style>@import url(" + outside + "/b.css);</style>").replace("<body>", "<body><img "
                    + "src=\"" + outside + "/c.png\" alt=\"x\"/><img src=\"file:///etc/hostname\" alt=\"y\"/>")
                    .getBytes(StandardCharsets.UTF_8));

            TemplatePackage template = SERVICE.validate(zip(files), 1);
            SERVICE.render(template, Language.NL, TemplateSamples.input("lease"));

            assertThat(requests.get()).as("requests the markup made to a server outside the package").isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void oversizedAndNonZipUploadsAreRefused() {
        Map<String, byte[]> files = lease();
        files.put("big.png", new byte[TemplateZip.MAX_FILE + 1]);
        assertThat(problems(files)).anyMatch(p -> p.contains("'big.png' is larger than 2 MB"));

        assertThatThrownBy(() -> SERVICE.validate("not a zip".getBytes(StandardCharsets.UTF_8), 1))
                .isInstanceOfSatisfying(TemplatePackageException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("not a zip file")));
        assertThat(new TemplatePackageException(List.of("x")).status()).isEqualTo(422);
    }

    private static List<String> problems(Map<String, byte[]> files) {
        try {
            SERVICE.validate(zip(files), 1);
        } catch (TemplatePackageException e) {
            return e.problems();
        }
        throw new AssertionError("the package was accepted");
    }

    static Map<String, byte[]> lease() {
        return new LinkedHashMap<>(TemplateService.builtInFiles("lease"));
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
