package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MuPDF's signature check ({@code mutool sign -v}, Debian mupdf-tools): a second independent reader, one that
 * repairs damaged files and follows cross-reference tables as written. Each signature field it finds is one
 * block of its output.
 */
public final class MuTool {

    /** One signature field as mutool reports it. */
    public record Signature(String block) {

        /** A field that holds a signature at all (mutool says "Signature is not signed." for an empty one). */
        public boolean signed() {
            return !block.contains("Signature is not signed");
        }

        /** The signed bytes match the signature (whether or not the document changed afterwards). */
        public boolean digestValid() {
            return block.contains("The signature is valid") || block.contains("The document is unchanged since signing");
        }
    }

    private MuTool() {
    }

    public static List<Signature> signatures(byte[] pdf) {
        try {
            Path file = Files.createTempFile("mutool-", ".pdf");
            try {
                Files.write(file, pdf);
                return signatures(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #signatures(byte[])} for a PDF on disk (of any size: the test's heap never holds it). */
    public static List<Signature> signatures(Path file) {
        ExternalTool.require("mutool", "mupdf-tools");
        ExternalTool.Result result = ExternalTool.run(List.of("mutool", "sign", "-v", file.toString()));
        List<Signature> signatures = new ArrayList<>();
        StringBuilder block = null;
        for (String line : result.output().split("\n")) {
            if (line.startsWith("Verifying signature")) {
                if (block != null) {
                    signatures.add(new Signature(block.toString()));
                }
                block = new StringBuilder(line).append('\n');
            } else if (block != null && line.startsWith("\t")) {
                block.append(line).append('\n');
            }
        }
        if (block != null) {
            signatures.add(new Signature(block.toString()));
        }
        return signatures;
    }
}
