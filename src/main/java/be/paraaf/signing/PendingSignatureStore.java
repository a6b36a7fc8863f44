package be.paraaf.signing;

import be.paraaf.NotFoundException;
import be.paraaf.ParaafProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps prepared two-step signatures on disk under {@code <data-dir>/pending/<handle>/} so they can be
 * completed after a restart or on another node that shares the data directory. A handle is claimed
 * by an atomic rename, so it completes at most once even when two requests race.
 */
@Component
class PendingSignatureStore {

    /** Everything needed to rebuild the exact DSS parameters of the prepare step. */
    record PendingState(String handle, String purpose, SignatureFormat format, String documentName,
            PadesSignatureSpec pades, XadesSignatureSpec xades, List<byte[]> certificateChain, Instant signingTime,
            Instant expiresAt, byte[] dataToSign) {
    }

    /** A claimed pending signature; {@link #release()} puts it back if completion failed for a retryable reason. */
    final class Claim {
        final PendingState state;
        final byte[] document;
        private final Path claimedFile;
        private final Path directory;

        private Claim(PendingState state, byte[] document, Path claimedFile, Path directory) {
            this.state = state;
            this.document = document;
            this.claimedFile = claimedFile;
            this.directory = directory;
        }

        void release() {
            move(claimedFile, directory.resolve(STATE));
        }

        void finish() {
            deleteRecursively(directory);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PendingSignatureStore.class);
    private static final String STATE = "state.json";
    private static final String CLAIMED = "state.claimed";
    private static final String DOCUMENT = "document.bin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PendingSignatureStore(ParaafProperties properties, Clock clock) {
        this.root = properties.dataDir().resolve("pending");
        this.clock = clock;
    }

    static String newHandle() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void save(PendingState state, byte[] document) {
        removeExpired();
        Path directory = root.resolve(state.handle());
        try {
            Files.createDirectories(directory);
            writeAtomically(directory, DOCUMENT, document);
            // the state file is written last: its presence means the entry is complete
            writeAtomically(directory, STATE, json.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store pending signature", e);
        }
    }

    /** Claims the handle for {@code purpose}; one prepared for any other purpose is answered as unknown. */
    Claim claim(String handle, SigningPurpose purpose) {
        if (handle == null || !handle.matches("[A-Za-z0-9_-]{16,64}")) {
            throw notFound();
        }
        Path directory = root.resolve(handle);
        Path claimed = directory.resolve(CLAIMED);
        try {
            Files.move(directory.resolve(STATE), claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw notFound();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            PendingState state = json.readValue(Files.readAllBytes(claimed), PendingState.class);
            if (!purpose.value().equals(state.purpose())) {
                move(claimed, directory.resolve(STATE)); // untouched for the flow it belongs to
                throw notFound();
            }
            if (!clock.instant().isBefore(state.expiresAt())) {
                deleteRecursively(directory);
                throw new NotFoundException("pending-signature-expired",
                        "The prepared signature expired at " + state.expiresAt() + ". Prepare it again.");
            }
            return new Claim(state, Files.readAllBytes(directory.resolve(DOCUMENT)), claimed, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes entries whose lifetime has passed; cheap enough to run on every save. */
    void removeExpired() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant now = clock.instant();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Path state = entry.resolve(STATE);
                try {
                    if (Files.exists(state)
                            && !now.isBefore(json.readValue(Files.readAllBytes(state), PendingState.class).expiresAt())) {
                        deleteRecursively(entry);
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("skipping unreadable pending signature {}: {}", entry.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("cannot sweep pending signatures: {}", e.getMessage());
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("pending-signature-not-found",
                "No prepared signature with this handle: it was never prepared, already completed or expired.");
    }

    static void writeAtomically(Path directory, String name, byte[] content) throws IOException {
        Path temp = Files.createTempFile(directory, name, ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        try {
            Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", directory, e.getMessage());
        }
    }
}
