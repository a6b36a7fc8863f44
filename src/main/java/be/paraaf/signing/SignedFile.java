package be.paraaf.signing;

import java.nio.file.Path;

/** The output of signing a file on disk: a file in the caller's work directory, which the caller deletes. */
public record SignedFile(String name, String mediaType, Path path) {
}
