package be.paraaf.persistence;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Blobs as files: {@code <root>/<first two hex digits>/<sha256>}. Writes are atomic (temporary file in the
 * same directory, fsync, atomic rename; see {@link AtomicFiles}), so a crash leaves either no file or the
 * whole file — never a partial blob under a valid name. Reads check the hash, so a damaged file is
 * reported instead of served.
 */
public final class FileDocumentStore implements DocumentStore {

    private final Path root;

    public FileDocumentStore(Path root) {
        this.root = root;
    }

    @Override
    public StoredContent put(byte[] content) {
        StoredContent address = StoredContent.of(content);
        Path file = path(address.sha256());
        if (!Files.isRegularFile(file)) {
            AtomicFiles.write(file, content);
        }
        return address;
    }

    @Override
    public byte[] get(String sha256) {
        Path file = path(sha256);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException(ProblemType.DOCUMENT_CONTENT_NOT_FOUND, "No stored content " + sha256 + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!StoredContent.sha256(content).equals(sha256)) {
            throw new IllegalStateException("stored content " + file + " does not match its SHA-256");
        }
        return content;
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public boolean delete(String sha256) {
        try {
            return Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path(sha256), e);
        }
    }

    private Path path(String sha256) {
        StoredContent.requireSha256(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
