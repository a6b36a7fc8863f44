package be.paraaf.validation;

import be.paraaf.NotFoundException;
import be.paraaf.ParaafProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the XML reports of recent validations on disk ({@code <data-dir>/reports/<id>/}) for a limited
 * time, so any node sharing the data directory can serve the download links of a JSON summary. Ids are
 * random (reports carry names and national numbers); expired entries are purged as new ones arrive.
 */
@Component
class ValidationReports {

    private static final Logger log = LoggerFactory.getLogger(ValidationReports.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUMMARY = "summary.json";
    /** The names binary files may have: lower-case words, digits and dashes, then a short extension. */
    static final Pattern FILE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.(png|pdf)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final ValidationProperties properties;
    private final Clock clock;

    ValidationReports(ParaafProperties paraaf, ValidationProperties properties, Clock clock) {
        this.root = paraaf.dataDir().resolve("reports");
        this.properties = properties;
        this.clock = clock;
    }

    /** The service clock's now (the reports' ages are measured with it). */
    Instant now() {
        return clock.instant();
    }

    String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    void store(String id, ValidationSummary summary, Map<ReportKind, String> reports) {
        store(id, summary, reports, Map.of());
    }

    /** Also keeps binary files (the revision pictures) under their names, which must match {@link #FILE}. */
    void store(String id, ValidationSummary summary, Map<ReportKind, String> reports, Map<String, byte[]> files) {
        purgeExpired();
        try {
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, ".staging-");
            Files.write(staging.resolve(SUMMARY), JSON.writeValueAsBytes(summary));
            for (Map.Entry<ReportKind, String> report : reports.entrySet()) {
                Files.writeString(staging.resolve(report.getKey().slug() + ".xml"), report.getValue(),
                        StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!FILE.matcher(file.getKey()).matches()) {
                    throw new IllegalArgumentException("not a file name for validation reports: " + file.getKey());
                }
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            try {
                Files.move(staging, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, root.resolve(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store validation reports", e);
        }
    }

    /** Adds a file to a stored validation (a picture drawn when first asked for); written whole or not at all. */
    void add(String id, String name, byte[] content) {
        if (!ID.matcher(id).matches() || !FILE.matcher(name).matches()) {
            throw notFound(id);
        }
        Path directory = root.resolve(id);
        try {
            Path staging = Files.createTempFile(directory, ".staging-", ".tmp");
            Files.write(staging, content);
            try {
                Files.move(staging, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a validation file", e);
        }
    }

    /** Whether a stored validation has this file (without reading it). */
    boolean has(String id, String name) {
        return ID.matcher(id).matches() && FILE.matcher(name).matches() && Files.isRegularFile(root.resolve(id).resolve(name));
    }

    byte[] read(String id, ReportKind kind) {
        return readFile(id, kind.slug() + ".xml");
    }

    /** A binary file kept with the reports (see {@link #store(String, ValidationSummary, Map, Map)}). */
    byte[] file(String id, String name) {
        if (!FILE.matcher(name).matches()) {
            throw notFound(id);
        }
        return readFile(id, name);
    }

    ValidationSummary summary(String id) {
        return JSON.readValue(readFile(id, SUMMARY), ValidationSummary.class);
    }

    private byte[] readFile(String id, String name) {
        if (!ID.matcher(id).matches()) {
            throw notFound(id);
        }
        Path directory = root.resolve(id);
        Path file = directory.resolve(name);
        try {
            if (!Files.isRegularFile(file) || isExpired(directory)) {
                throw notFound(id);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isExpired(Path directory) throws IOException {
        Instant created = Files.getLastModifiedTime(directory).toInstant();
        return created.plus(properties.reportRetention()).isBefore(clock.instant());
    }

    private void purgeExpired() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(entry -> ID.matcher(entry.getFileName().toString()).matches()).forEach(entry -> {
                try {
                    if (isExpired(entry)) {
                        deleteTree(entry);
                    }
                } catch (IOException e) {
                    log.warn("cannot purge expired validation reports {}: {}", entry, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("cannot list validation reports: {}", e.toString());
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("validation-report-not-found",
                "No validation reports with id " + id + " (they are kept for a limited time only).");
    }
}
