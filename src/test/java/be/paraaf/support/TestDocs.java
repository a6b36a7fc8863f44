package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixtures in test-docs/, named by content. */
public final class TestDocs {

    /** Two pages, empty signature fields "tenant-1" and "agency" on page 2 (see {@link SampleDocuments}). */
    public static final Path SAMPLE_CONTRACT = Path.of("test-docs/sample-contract.pdf");

    /** Sample template inputs, one {@code <template>.json} each (see be.paraaf.prepare.TemplateSamples). */
    public static final Path TEMPLATE_INPUTS = Path.of("test-docs/templates");

    /** The samples rendered in Dutch, {@code <template>-nl.pdf}: PDF/A-2b with empty signature fields. */
    public static final Path GENERATED_TEMPLATES = Path.of("test-docs/generated");

    /**
     * One page with a JavaScript OpenAction, a Names/JavaScript entry, a javascript: link, a Launch action in
     * the page's additional actions and a harmless https link (see {@link SampleDocuments#activeContent}).
     */
    public static final Path ACTIVE_CONTENT = Path.of("test-docs/active-content-javascript-launch.pdf");

    private TestDocs() {
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
