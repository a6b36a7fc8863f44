package be.paraaf.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The output of signing a file on disk: a file in the caller's work directory, which the caller deletes. */
public record SignedFile(String name, String mediaType, Path path) {

    /** What DSS wrote, as {@code <workDirectory>/signed.pdf}: moved when DSS wrote a file there, else saved. */
    static SignedFile pdf(String name, DSSDocument written, Path workDirectory) {
        Path result = workDirectory.resolve("signed.pdf");
        try {
            if (written instanceof FileDocument file && file.getFile().toPath().startsWith(workDirectory)) {
                Files.move(file.getFile().toPath(), result, StandardCopyOption.REPLACE_EXISTING);
            } else {
                written.save(result.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SignedFile(name, SignatureFormat.PADES.mediaType(), result);
    }
}
