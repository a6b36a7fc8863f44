package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.JobLocks;
import be.paraaf.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

/** Validation reports as rows (V15 and every statement of ValidationReportsInDatabase), per database. */
abstract class ValidationReportsInDatabaseContract {

    private static final String REPORT = "x".repeat(1000);

    abstract DataSource dataSource();

    abstract String schema();

    final MutableClock clock = new MutableClock(Duration.ZERO);
    JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(dataSource()).schemas(schema()).defaultSchema(schema())
                .locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("delete from validation_report_files").update();
        jdbc.sql("delete from validation_reports").update();
        jdbc.sql("update validation_report_usage set report_count = 0, total_bytes = 0").update();
        jdbc.sql("delete from shedlock").update();
    }

    /** A node's store; several share the database like several nodes. */
    ValidationReports node(int maxCount, DataSize maxTotalSize) {
        ValidationProperties properties = new ValidationProperties(null, Duration.ofHours(1), 10, true,
                Duration.ofSeconds(60), 1, "default", new ValidationProperties.Reports(maxTotalSize, maxCount,
                Duration.ofMinutes(5)));
        return new ValidationReportsInDatabase(jdbc, new DataSourceTransactionManager(dataSource()), properties,
                clock, JobLocks.on(dataSource(), clock));
    }

    private static List<String> store(ValidationReports reports, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = reports.newId();
            reports.store(id, null, Map.of(ReportKind.SIMPLE, REPORT), Map.of("document.pdf", new byte[] {1, 2}));
            ids.add(id);
        }
        return ids;
    }

    @Test
    void aReportStoredOnOneNodeIsReadOnAnother() {
        ValidationReports a = node(100, DataSize.ofMegabytes(10));
        ValidationReports b = node(100, DataSize.ofMegabytes(10));
        String id = store(a, 1).get(0);

        assertThat(b.read(id, ReportKind.SIMPLE)).hasSize(REPORT.length());
        assertThat(b.file(id, "document.pdf")).containsExactly(1, 2);
        assertThat(b.has(id, "document.pdf")).isTrue();
        assertThat(b.has(id, "page-1.png")).isFalse();
        b.add(id, "page-1.png", new byte[] {7, 7, 7});
        assertThat(a.file(id, "page-1.png")).containsExactly(7, 7, 7);
        b.add(id, "page-1.png", new byte[] {8}); // drawn again: replaces, counted once
        assertThat(a.usage()[0]).isEqualTo(jdbc.sql("select sum(bytes) from validation_reports")
                .query(Long.class).single());
        assertThatThrownBy(() -> b.read(id, ReportKind.DETAILED)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.read("0".repeat(32), ReportKind.SIMPLE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.file(id, "../etc.pdf")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void overTheCountTheOldestGoFirstWhicheverNodeStores() {
        ValidationReports a = node(3, DataSize.ofMegabytes(10));
        ValidationReports b = node(3, DataSize.ofMegabytes(10));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.setOffset(Duration.ofSeconds(i)); // stored in this order
            ids.addAll(store(i % 2 == 0 ? a : b, 1));
        }

        assertThat(a.usage()[1]).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from validation_reports").query(Long.class).single()).isEqualTo(3);
        for (String gone : ids.subList(0, 2)) {
            assertThatThrownBy(() -> b.read(gone, ReportKind.SIMPLE)).isInstanceOf(NotFoundException.class);
        }
        for (String kept : ids.subList(2, 5)) {
            assertThat(a.read(kept, ReportKind.SIMPLE)).hasSize(REPORT.length());
        }
    }

    @Test
    void overTheTotalSizeTheOldestGoFirst() {
        ValidationReports reports = node(100, DataSize.ofBytes(2_500)); // about two entries of 1 KB and a bit
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.setOffset(Duration.ofSeconds(i));
            ids.addAll(store(reports, 1));
        }

        assertThat(reports.usage()[0]).isLessThanOrEqualTo(2_500);
        assertThatThrownBy(() -> reports.read(ids.get(0), ReportKind.SIMPLE)).isInstanceOf(NotFoundException.class);
        assertThat(reports.read(ids.get(3), ReportKind.SIMPLE)).hasSize(REPORT.length());
    }

    @Test
    void expiredReportsAreUnreadableAtOnceAndDeletedByTheJobInBatches() {
        ValidationReports reports = node(10_000, DataSize.ofMegabytes(100));
        List<String> old = store(reports, 3);
        assertThat(reports.purgeExpired()).as("nothing is past its retention yet").isZero();

        clock.setOffset(Duration.ofMinutes(90));
        assertThatThrownBy(() -> reports.read(old.get(0), ReportKind.SIMPLE)).isInstanceOf(NotFoundException.class);
        assertThat(reports.has(old.get(0), "document.pdf")).isFalse();
        assertThatThrownBy(() -> reports.add(old.get(0), "page-1.png", new byte[] {1}))
                .isInstanceOf(NotFoundException.class);
        List<String> fresh = store(reports, 1);
        assertThat(reports.purgeExpired()).isEqualTo(3);
        assertThat(reports.read(fresh.get(0), ReportKind.SIMPLE)).hasSize(REPORT.length());
        assertThat(reports.usage()[1]).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from validation_report_files").query(Long.class).single())
                .isEqualTo(3); // the fresh one's summary, report and document
    }
}
