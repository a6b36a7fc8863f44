package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import be.paraaf.system.ParaafProperties;
import be.paraaf.support.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ValidationReportsTest {

    private static final String REPORT = "x".repeat(1000);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Duration.ZERO);

    private ValidationReports reports(int maxCount, DataSize maxTotalSize) {
        ValidationProperties properties = new ValidationProperties(null, Duration.ofHours(1), 10, true,
                Duration.ofSeconds(60), 1, "default", new ValidationProperties.Reports(maxTotalSize, maxCount,
                Duration.ofMinutes(5)));
        return new ValidationReports(new ParaafProperties(dataDir, URI.create("http://localhost")), properties,
                clock);
    }

    private static List<String> store(ValidationReports reports, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = reports.newId();
            reports.store(id, null, Map.of(ReportKind.SIMPLE, REPORT));
            ids.add(id);
        }
        return ids;
    }

    @Test
    void overTheCountTheOldestGoFirst() {
        ValidationReports reports = reports(3, DataSize.ofMegabytes(10));
        List<String> ids = store(reports, 5);

        assertThat(reports.usage()[1]).isEqualTo(3);
        for (String gone : ids.subList(0, 2)) {
            assertThatThrownBy(() -> reports.read(gone, ReportKind.SIMPLE)).isInstanceOf(NotFoundException.class);
        }
        for (String kept : ids.subList(2, 5)) {
            assertThat(reports.read(kept, ReportKind.SIMPLE)).hasSize(REPORT.length());
        }
    }

    @Test
    void overTheTotalSizeTheOldestGoFirst() {
        ValidationReports reports = reports(100, DataSize.ofBytes(2_500)); // about two entries of 1 KB and a bit
        List<String> ids = store(reports, 4);

        assertThat(reports.usage()[0]).isLessThanOrEqualTo(2_500);
        assertThatThrownBy(() -> reports.read(ids.get(0), ReportKind.SIMPLE)).isInstanceOf(NotFoundException.class);
        assertThat(reports.read(ids.get(3), ReportKind.SIMPLE)).hasSize(REPORT.length());
    }

    @Test
    void expiredEntriesGoWhenTheNextArrives() {
        ValidationReports reports = reports(100, DataSize.ofMegabytes(10));
        store(reports, 3);
        clock.setOffset(Duration.ofHours(2));
        store(reports, 1);
        assertThat(reports.usage()[1]).isEqualTo(1);
    }

    @Test
    void expiredPeriodsAreDeletedWholeByTheJobAndLivePeriodsStay() throws Exception {
        ValidationReports reports = reports(100, DataSize.ofMegabytes(10));
        List<String> old = store(reports, 3);
        assertThat(old).allSatisfy(id -> assertThat(id).startsWith(old.get(0).substring(0, 8)));
        assertThat(Files.isDirectory(dataDir.resolve("reports").resolve(old.get(0).substring(0, 8))
                .resolve(old.get(0)))).isTrue();
        assertThat(reports.purgeExpiredPeriods()).as("nothing is past its retention yet").isZero();

        clock.setOffset(Duration.ofMinutes(90));
        List<String> fresh = store(reports, 1);
        assertThat(fresh.get(0).substring(0, 8)).isNotEqualTo(old.get(0).substring(0, 8));
        assertThat(reports.purgeExpiredPeriods()).isEqualTo(1);
        assertThat(Files.exists(dataDir.resolve("reports").resolve(old.get(0).substring(0, 8)))).isFalse();
        assertThat(reports.read(fresh.get(0), ReportKind.SIMPLE)).hasSize(REPORT.length());
        assertThat(reports.usage()[1]).isEqualTo(1);
    }

    @Test
    void aRestartCountsWhatIsAlreadyOnDisk() {
        List<String> ids = store(reports(100, DataSize.ofMegabytes(10)), 3);
        ValidationReports restarted = reports(3, DataSize.ofMegabytes(10));
        assertThat(restarted.usage()[1]).isEqualTo(3);
        assertThat(restarted.usage()[0]).isGreaterThanOrEqualTo(3L * REPORT.length());

        store(restarted, 1);
        assertThat(restarted.usage()[1]).isEqualTo(3);
        assertThat(ids.stream().filter(id -> exists(restarted, id))).as("the oldest went").hasSize(2);
    }

    private static boolean exists(ValidationReports reports, String id) {
        try {
            reports.read(id, ReportKind.SIMPLE);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
