package be.paraaf.validation;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The XML reports (and revision pictures) of recent validations, kept for {@code paraaf.validation.report-retention}
 * so the download links of a JSON summary keep working; anyone can leave them by validating, so their number and
 * total size are capped ({@code paraaf.validation.reports.*}), oldest deleted first. Two stores
 * ({@code paraaf.validation.reports.store}): {@code file} under the node's data directory (one node, the default)
 * and {@code database} (profile {@code postgres}: a report made on one node downloads from every node).
 */
interface ValidationReports {

    Pattern ID = Pattern.compile("[0-9a-f]{32}");
    /** The names binary files may have: lower-case words, digits and dashes, then a short extension. */
    Pattern FILE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.(png|pdf)");
    /** Any kept file's name: a binary file, {@code <kind>.xml} or the summary. */
    Pattern KEPT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.(png|pdf|xml|json)");
    /** The JSON summary's name among the kept files. */
    String SUMMARY = "summary.json";

    /** Bytes and count of the reports kept (for tests and metrics). */
    long[] usage();

    /** The service clock's now (the reports' ages are measured with it). */
    Instant now();

    /** A new random id (reports carry names and national numbers, so ids cannot be guessed). */
    String newId();

    default void store(String id, ValidationSummary summary, Map<ReportKind, String> reports) {
        store(id, summary, reports, Map.of());
    }

    /** Keeps the summary, the XML reports and binary files (names matching {@link #FILE}) of one validation. */
    void store(String id, ValidationSummary summary, Map<ReportKind, String> reports, Map<String, byte[]> files);

    /** Adds (or replaces) a file of a kept validation (a picture drawn when first asked for). */
    void add(String id, String name, byte[] content);

    /** Whether a kept validation has this file (without reading it). */
    boolean has(String id, String name);

    /** A kept file by its name ({@value #SUMMARY}, {@code <kind>.xml} or a binary file); 404 when gone or expired. */
    byte[] content(String id, String name);

    default byte[] read(String id, ReportKind kind) {
        return content(id, kind.slug() + ".xml");
    }

    /** A binary file kept with the reports. */
    default byte[] file(String id, String name) {
        if (!FILE.matcher(name).matches()) {
            throw notFound(id);
        }
        return content(id, name);
    }

    default ValidationSummary summary(String id) {
        return Holder.JSON.readValue(content(id, SUMMARY), ValidationSummary.class);
    }

    /** Deletes what is past its retention (a job); how many periods or reports went. */
    int purgeExpired();

    /** The start of the period of {@code now} in minutes since the epoch (8 hex digits), then 96 random bits. */
    static String newId(Instant now, Duration bucket) {
        long minutes = bucket.toMinutes();
        long period = now.getEpochSecond() / 60 / minutes * minutes;
        byte[] random = new byte[12];
        Holder.RANDOM.nextBytes(random);
        return String.format("%08x", period) + HexFormat.of().formatHex(random);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException(ProblemType.VALIDATION_REPORT_NOT_FOUND,
                "No validation reports with id " + id + " (they are kept for a limited time only).");
    }

    /** Keeps the generator and the mapper out of the interface's public constants. */
    final class Holder {
        private static final SecureRandom RANDOM = new SecureRandom();
        static final JsonMapper JSON = JsonMapper.builder().build();

        private Holder() {
        }
    }
}
