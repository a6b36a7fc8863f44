package be.paraaf.validation;

import be.paraaf.persistence.JobLocks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validation reports as database rows (V15), so a report link works on every node sharing the database
 * ({@code paraaf.validation.reports.store=database}, set by profile {@code postgres}). One row per validation in
 * {@code validation_reports} (its expiry, its bytes) and one per file in {@code validation_report_files}. A read is
 * one lookup by primary key that also checks the expiry. The caps hold across the nodes: a single row
 * ({@code validation_report_usage}) counts the reports and their bytes; a store updates it first, which serialises
 * the stores for the few milliseconds of their transaction, and deletes the oldest (by the expiry index) until the
 * new one fits. A job on one node at a time (lock {@code validation-report-purge}) deletes expired reports in
 * batches by the same index. Nothing on the request path counts or scans the table.
 */
class ValidationReportsInDatabase implements ValidationReports {

    private static final Logger log = LoggerFactory.getLogger(ValidationReportsInDatabase.class);
    private static final int BATCH = 500;
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ValidationProperties properties;
    private final Clock clock;
    private final JobLocks locks;

    ValidationReportsInDatabase(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            ValidationProperties properties, Clock clock, JobLocks locks) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.locks = locks;
    }

    @Override
    public long[] usage() {
        return jdbc.sql("select total_bytes, report_count from validation_report_usage where id = 1")
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public String newId() {
        return ValidationReports.newId(clock.instant(), properties.reports().bucket());
    }

    @Override
    public void store(String id, ValidationSummary summary, Map<ReportKind, String> reports,
            Map<String, byte[]> files) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a validation id: " + id);
        }
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put(SUMMARY, Holder.JSON.writeValueAsBytes(summary));
        reports.forEach((kind, xml) -> content.put(kind.slug() + ".xml", xml.getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, bytes) -> {
            if (!FILE.matcher(name).matches()) {
                throw new IllegalArgumentException("not a file name for validation reports: " + name);
            }
            content.put(name, bytes);
        });
        long bytes = content.values().stream().mapToLong(file -> file.length).sum();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            long[] usage = count(1, bytes);
            makeRoom(usage[1], usage[0]);
            jdbc.sql("insert into validation_reports (id, created_at, expires_at, bytes) values (?, ?, ?, ?)")
                    .params(id, utc(now), utc(now.plus(properties.reportRetention())), bytes).update();
            content.forEach((name, file) -> insertFile(id, name, file));
        });
    }

    @Override
    public void add(String id, String name, byte[] content) {
        if (!ID.matcher(id).matches() || !FILE.matcher(name).matches()) {
            throw ValidationReports.notFound(id);
        }
        try {
            transactions.executeWithoutResult(status -> {
                lockUsage(); // first, like a store: the report cannot go over the cap meanwhile
                if (jdbc.sql("select count(*) from validation_reports where id = ? and expires_at > ?")
                        .params(id, utc(clock.instant())).query(Long.class).single() == 0) {
                    throw ValidationReports.notFound(id);
                }
                long replaced = jdbc.sql("select content from validation_report_files where report_id = ? and name = ?")
                        .params(id, name).query(byte[].class).optional().map(old -> (long) old.length).orElse(0L);
                jdbc.sql("delete from validation_report_files where report_id = ? and name = ?").params(id, name)
                        .update();
                insertFile(id, name, content);
                long delta = content.length - replaced;
                jdbc.sql("update validation_reports set bytes = bytes + ? where id = ?").params(delta, id).update();
                count(0, delta);
            });
        } catch (DataIntegrityViolationException e) {
            throw ValidationReports.notFound(id); // deleted meanwhile
        }
    }

    @Override
    public boolean has(String id, String name) {
        return ID.matcher(id).matches() && FILE.matcher(name).matches() && jdbc.sql("""
                select count(*) from validation_report_files f join validation_reports r on r.id = f.report_id
                where f.report_id = ? and f.name = ? and r.expires_at > ?""")
                .params(id, name, utc(clock.instant())).query(Long.class).single() > 0;
    }

    @Override
    public byte[] content(String id, String name) {
        if (!ID.matcher(id).matches() || !KEPT.matcher(name).matches()) {
            throw ValidationReports.notFound(id);
        }
        return jdbc.sql("""
                select f.content from validation_report_files f join validation_reports r on r.id = f.report_id
                where f.report_id = ? and f.name = ? and r.expires_at > ?""")
                .params(id, name, utc(clock.instant())).query(byte[].class).optional()
                .orElseThrow(() -> ValidationReports.notFound(id));
    }

    /**
     * Every {@code paraaf.validation.reports.purge-interval} (1 minute), on one node: deletes the expired reports
     * in batches of {@value #BATCH} by the expiry index; how many.
     */
    @Scheduled(fixedDelayString = "${paraaf.validation.reports.purge-interval:1m}",
            initialDelayString = "${paraaf.validation.reports.purge-interval:1m}")
    @Override
    public int purgeExpired() {
        try {
            return locks.call("validation-report-purge", LOCK_AT_MOST, () -> {
                int deleted = 0;
                int batch;
                do {
                    batch = transactions.execute(status -> {
                        lockUsage();
                        return deleteOldest(jdbc.sql("""
                                select id, bytes from validation_reports where expires_at <= ?
                                order by expires_at fetch first %d rows only""".formatted(BATCH))
                                .param(utc(clock.instant())).query(Oldest::from).list());
                    });
                    deleted += batch;
                } while (batch == BATCH);
                return deleted;
            }).orElse(0);
        } catch (RuntimeException e) {
            log.warn("cannot purge expired validation reports; retried on the next run: {}", e.toString());
            return 0;
        }
    }

    private record Oldest(String id, long bytes) {
        static Oldest from(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new Oldest(rs.getString(1), rs.getLong(2));
        }
    }

    /** Deletes the oldest reports until the counts (which include the one being stored) are under both caps. */
    private void makeRoom(long count, long bytes) {
        long maxBytes = properties.reports().maxTotalSize().toBytes();
        while (count > properties.reports().maxCount() || bytes > maxBytes) {
            List<Oldest> oldest = jdbc.sql("""
                    select id, bytes from validation_reports order by expires_at fetch first 50 rows only""")
                    .query(Oldest::from).list();
            if (oldest.isEmpty()) {
                return; // nothing left to delete: one report larger than the cap
            }
            List<Oldest> victims = new ArrayList<>();
            for (Oldest report : oldest) {
                if (count <= properties.reports().maxCount() && bytes <= maxBytes) {
                    break;
                }
                victims.add(report);
                count--;
                bytes -= report.bytes();
            }
            deleteOldest(victims);
        }
    }

    /** Deletes these reports (the usage row is locked by the caller) and takes them off the counts; how many. */
    private int deleteOldest(List<Oldest> reports) {
        if (reports.isEmpty()) {
            return 0;
        }
        List<String> ids = reports.stream().map(Oldest::id).toList();
        jdbc.sql("delete from validation_report_files where report_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from validation_reports where id in (:ids)").param("ids", ids).update();
        count(-reports.size(), -reports.stream().mapToLong(Oldest::bytes).sum());
        return reports.size();
    }

    /** Adds to the counts (locking the usage row until the transaction ends); the counts after: bytes, count. */
    private long[] count(long reports, long bytes) {
        jdbc.sql("update validation_report_usage set report_count = report_count + ?, total_bytes = total_bytes + ? "
                + "where id = 1").params(reports, bytes).update();
        return usage();
    }

    private void lockUsage() {
        count(0, 0);
    }

    private void insertFile(String id, String name, byte[] content) {
        jdbc.sql("insert into validation_report_files (report_id, name, content) values (?, ?, ?)")
                .params(id, name, content).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
