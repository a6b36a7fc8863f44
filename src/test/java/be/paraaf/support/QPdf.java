package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** qpdf --check as an independent structural check of a PDF. */
public final class QPdf {

    private QPdf() {
    }

    public static ExternalTool.Result check(byte[] pdf) {
        ExternalTool.require("qpdf", "qpdf");
        try {
            Path file = Files.createTempFile("qpdf-check", ".pdf");
            try {
                Files.write(file, pdf);
                return ExternalTool.run(List.of("qpdf", "--check", file.toString()));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
