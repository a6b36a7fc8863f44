package be.paraaf.validation;

import be.paraaf.system.NotFoundException;
import be.paraaf.system.ParaafProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the XML reports of recent validations on disk for a limited time, in one directory per period
 * ({@code <data-dir>/reports/<period>/<id>/}, {@code paraaf.validation.reports.bucket}, 5 minutes), so the
 * download links of a JSON summary keep working. Ids are random (reports carry names and national numbers)
 * after an 8-hex-digit prefix that names their period, so a read finds its directory without a search. Expired
 * reports go with their whole period, deleted by {@link #purgeExpiredPeriods()} (a job); nothing on the request
 * path lists a directory. Anyone can leave reports by validating, so their total size and number are capped
 * ({@code paraaf.validation.reports.*}): the node keeps the live entries and their sizes in memory (read from
 * disk once at start) and, as a new one arrives, forgets the expired and deletes the oldest until it fits. Each
 * node caps what it keeps in its own data directory.
 */
@Component
class ValidationReports {

    private static final Logger log = LoggerFactory.getLogger(ValidationReports.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern PERIOD = Pattern.compile("[0-9a-f]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUMMARY = "summary.json";
    /** The names binary files may have: lower-case words, digits and dashes, then a short extension. */
    static final Pattern FILE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.(png|pdf)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final ValidationProperties properties;
    private final Clock clock;
    /** What this node keeps, oldest first, with the bytes each takes; guarded by {@code this}. */
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();
    private long keptBytes;

    private static final class Kept {
        final Instant created;
        long bytes;

        Kept(Instant created, long bytes) {
            this.created = created;
            this.bytes = bytes;
        }
    }

    ValidationReports(ParaafProperties paraaf, ValidationProperties properties, Clock clock) {
        this.root = paraaf.dataDir().resolve("reports");
        this.properties = properties;
        this.clock = clock;
        readKept();
    }

    /** Bytes and count of the reports this node keeps (for tests and metrics). */
    synchronized long[] usage() {
        return new long[] {keptBytes, kept.size()};
    }

    /** The service clock's now (the reports' ages are measured with it). */
    Instant now() {
        return clock.instant();
    }

    /** The period's start in minutes since the epoch (8 hex digits), then 96 random bits. */
    String newId() {
        long minutes = properties.reports().bucket().toMinutes();
        long period = clock.instant().getEpochSecond() / 60 / minutes * minutes;
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return String.format("%08x", period) + HexFormat.of().formatHex(random);
    }

    /** Where the reports of {@code id} live (its period's directory). */
    private Path directory(String id) {
        return root.resolve(id.substring(0, 8)).resolve(id);
    }

    void store(String id, ValidationSummary summary, Map<ReportKind, String> reports) {
        store(id, summary, reports, Map.of());
    }

    /** Also keeps binary files (the revision pictures) under their names, which must match {@link #FILE}. */
    void store(String id, ValidationSummary summary, Map<ReportKind, String> reports, Map<String, byte[]> files) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a validation id: " + id);
        }
        try {
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, ".staging-");
            byte[] json = JSON.writeValueAsBytes(summary);
            Files.write(staging.resolve(SUMMARY), json);
            long bytes = json.length;
            for (Map.Entry<ReportKind, String> report : reports.entrySet()) {
                byte[] xml = report.getValue().getBytes(StandardCharsets.UTF_8);
                Files.write(staging.resolve(report.getKey().slug() + ".xml"), xml);
                bytes += xml.length;
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!FILE.matcher(file.getKey()).matches()) {
                    throw new IllegalArgumentException("not a file name for validation reports: " + file.getKey());
                }
                Files.write(staging.resolve(file.getKey()), file.getValue());
                bytes += file.getValue().length;
            }
            makeRoom(bytes);
            Path target = directory(id);
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            synchronized (this) {
                kept.put(id, new Kept(clock.instant(), bytes));
                keptBytes += bytes;
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
        Path directory = directory(id);
        try {
            Path staging = Files.createTempFile(directory, ".staging-", ".tmp");
            Files.write(staging, content);
            try {
                Files.move(staging, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            synchronized (this) {
                Kept entry = kept.get(id);
                if (entry != null) { // a picture drawn again replaces the file: counted once more at most
                    entry.bytes += content.length;
                    keptBytes += content.length;
                }
            }
        } catch (NoSuchFileException e) {
            throw notFound(id); // deleted meanwhile (expired or over the cap)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a validation file", e);
        }
    }

    /** Whether a stored validation has this file (without reading it). */
    boolean has(String id, String name) {
        return ID.matcher(id).matches() && FILE.matcher(name).matches() && Files.isRegularFile(directory(id).resolve(name));
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
        Path directory = directory(id);
        Path file = directory.resolve(name);
        try {
            if (!Files.isRegularFile(file) || isExpired(id)) {
                throw notFound(id);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw notFound(id); // deleted between the check and the read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the reports of {@code id} are past their retention (or no longer kept): the in-memory list decides. */
    private synchronized boolean isExpired(String id) {
        Kept entry = kept.get(id);
        return entry == null || entry.created.plus(properties.reportRetention()).isBefore(clock.instant());
    }

    /**
     * Forgets expired entries (their period's directory goes whole, by the job), then deletes the oldest until
     * {@code bytes} more fit under both caps.
     */
    private synchronized void makeRoom(long bytes) {
        forgetExpired();
        var oldest = kept.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Kept> entry = oldest.next();
            if (kept.size() < properties.reports().maxCount()
                    && keptBytes + bytes <= properties.reports().maxTotalSize().toBytes()) {
                return;
            }
            try {
                deleteTree(directory(entry.getKey()));
            } catch (IOException e) {
                log.warn("cannot delete validation reports {}: {}", entry.getKey(), e.toString());
            }
            keptBytes -= entry.getValue().bytes;
            oldest.remove();
        }
    }

    /** Drops the expired entries from the head of the list (oldest first): as many steps as there are expired. */
    private synchronized void forgetExpired() {
        Instant now = clock.instant();
        var oldest = kept.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Kept> entry = oldest.next();
            if (!entry.getValue().created.plus(properties.reportRetention()).isBefore(now)) {
                return;
            }
            keptBytes -= entry.getValue().bytes;
            oldest.remove();
        }
    }

    /**
     * Every {@code paraaf.validation.reports.purge-interval} (1 minute): deletes each period directory whose
     * newest report is past its retention, whole; how many. Lists the periods (a few dozen), never the reports.
     * Also removes what an earlier version kept directly under {@code reports/} once it expired.
     */
    @Scheduled(fixedDelayString = "${paraaf.validation.reports.purge-interval:1m}",
            initialDelayString = "${paraaf.validation.reports.purge-interval:1m}")
    int purgeExpiredPeriods() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant now = clock.instant();
        Duration period = properties.reports().bucket();
        int deleted = 0;
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                Instant end;
                if (PERIOD.matcher(name).matches()) {
                    // a period of a longer, earlier setting ends later: the newest report in it decides
                    end = Instant.ofEpochSecond(Long.parseLong(name, 16) * 60).plus(period);
                    end = later(end, Files.getLastModifiedTime(child).toInstant());
                } else if (ID.matcher(name).matches()) {
                    end = Files.getLastModifiedTime(child).toInstant();
                } else {
                    continue;
                }
                if (end.plus(properties.reportRetention()).isBefore(now)) {
                    deleteTree(child);
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot purge expired validation reports: {}", e.toString());
        }
        forgetExpired();
        return deleted;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** At start: what earlier runs left, oldest first; expired entries are forgotten at the next store. */
    private void readKept() {
        if (!Files.isDirectory(root)) {
            return;
        }
        record Found(String id, Instant created, long bytes) {
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> periods = Files.list(root)) {
            for (Path period : periods.filter(p -> PERIOD.matcher(p.getFileName().toString()).matches()).toList()) {
                try (Stream<Path> entries = Files.list(period)) {
                    for (Path entry : entries.filter(e -> ID.matcher(e.getFileName().toString()).matches()).toList()) {
                        found.add(new Found(entry.getFileName().toString(),
                                Files.getLastModifiedTime(entry).toInstant(), size(entry)));
                    }
                } catch (IOException e) {
                    log.warn("cannot read validation reports {}: {}", period, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list validation reports: {}", e.toString());
        }
        found.sort(Comparator.comparing(Found::created));
        for (Found entry : found) {
            kept.put(entry.id(), new Kept(entry.created(), entry.bytes()));
            keptBytes += entry.bytes();
        }
    }

    private static long size(Path entry) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.walk(entry)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
        }
        return bytes;
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
