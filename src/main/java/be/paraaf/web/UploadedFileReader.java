package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.signing.DocumentInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads as the operations need them. The container writes every multipart file to disk as it arrives (up to
 * {@code paraaf.large-file-limit}); operations that work on bytes in the heap take at most {@code paraaf.upload-limit}
 * (a larger one is a 413 before a byte is read into memory); seals of PDFs work on the file itself, in a work
 * directory of their own under {@code paraaf.work-dir} that goes when the answer has been sent (507 when the disk
 * cannot hold the work).
 */
@Component
class UploadedFileReader {

    /** A seal writes a prepared revision, the signed file and, at B-LT/B-LTA, one more file per level step. */
    private static final int WORK_COPIES = 4;
    private static final long DISK_MARGIN = 64L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(UploadedFileReader.class);

    private final long inMemoryLimit;
    private final Path workDirectory;

    UploadedFileReader(@Value("${paraaf.upload-limit:50MB}") DataSize inMemoryLimit,
            @Value("${paraaf.work-dir}") Path workDirectory) {
        this.inMemoryLimit = inMemoryLimit.toBytes();
        this.workDirectory = usableWorkDirectory(workDirectory);
    }

    /** The work directory exists and takes files, or the service does not start (one line naming the setting). */
    static Path usableWorkDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, "start-", ".probe"));
            return directory;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("paraaf.work-dir: " + directory + " is not a directory this service can "
                    + "write to (" + e + ")");
        }
    }

    /** An upload read into the heap, refused with 413 above {@code paraaf.upload-limit}. */
    DocumentInput document(MultipartFile file) {
        return new DocumentInput(file.getOriginalFilename(), bytes(file));
    }

    byte[] bytes(MultipartFile file) {
        if (file.getSize() > inMemoryLimit) {
            throw new InvalidInputException(ProblemType.UPLOAD_TOO_LARGE, "The upload is " + megabytes(file.getSize())
                    + "; this operation reads documents of at most " + megabytes(inMemoryLimit) + " (paraaf.upload-limit)."
                    + " Sealing and validating PDFs take larger files.", Map.of("maxSize", inMemoryLimit), null);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] optionalBytes(MultipartFile file) {
        return file == null || file.isEmpty() ? null : bytes(file);
    }

    /** An upload moved into a work directory of its own; closing deletes the directory and all in it. */
    record Work(Path directory, Path input) implements AutoCloseable {

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                log.warn("cannot delete the work directory {}: {}", directory, e.toString());
            }
        }
    }

    /** The upload as a file on disk, for work that reads it from there; 507 when the disk is too short for it. */
    Work onDisk(MultipartFile file) {
        Path directory;
        try {
            directory = Files.createTempDirectory(workDirectory, "work-");
        } catch (IOException e) {
            throw insufficientStorage(file.getSize(), e);
        }
        Work work = new Work(directory, directory.resolve("input"));
        try {
            FileStore store = Files.getFileStore(directory);
            if (store.getUsableSpace() < WORK_COPIES * file.getSize() + DISK_MARGIN) {
                throw insufficientStorage(file.getSize(), null);
            }
            file.transferTo(work.input());
            return work;
        } catch (IOException e) {
            work.close();
            throw insufficientStorage(file.getSize(), e);
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    private static InvalidInputException insufficientStorage(long size, Exception cause) {
        if (cause != null) {
            log.warn("an upload of {} bytes could not be stored for work", size, cause);
        }
        return new InvalidInputException(ProblemType.INSUFFICIENT_STORAGE, "This service has not enough free disk space "
                + "to work on a document of " + megabytes(size) + " now. Try again later or with a smaller file.",
                Map.of(), null);
    }

    /** In the unit the settings use: Spring's "MB" is 2^20 bytes. */
    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
