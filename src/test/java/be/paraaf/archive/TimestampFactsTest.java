package be.paraaf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.archive.ArchiveService.TimestampFacts;
import be.paraaf.validation.ValidationSummary.TimestampSummary;
import be.paraaf.validation.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampFactsTest {

    static final Instant SECOND = Instant.parse("2026-12-07T18:00:00Z");
    static final Instant OLD_TSA_ENDS = Instant.parse("2026-12-08T03:00:00Z");
    static final Instant NEW_TSA_ENDS = Instant.parse("2026-12-08T18:00:00Z");

    static TimestampSummary stamp(String id, Instant producedAt, Instant tsaEnds, String digest) {
        return new TimestampSummary(id, "ARCHIVE_TIMESTAMP", Verdict.VALID, "PASSED", null, producedAt, "TSA",
                List.of(), tsaEnds, digest);
    }

    @Test
    void newest_takesTheLatestProductionTime() {
        TimestampFacts facts = TimestampFacts.newest(List.of(
                stamp("a", SECOND.minusSeconds(60), NEW_TSA_ENDS, "SHA256"),
                stamp("b", SECOND, OLD_TSA_ENDS, "SHA512")));

        assertThat(facts).isEqualTo(new TimestampFacts(OLD_TSA_ENDS, "SHA512"));
    }

    @Test
    void newest_withinTheSameSecond_takesTheFreshTsaCertificateWhateverTheOrder() {
        // a renewal in the second of the previous archive time-stamp: genTime has whole seconds
        TimestampSummary previous = stamp("previous", SECOND, OLD_TSA_ENDS, "SHA256");
        TimestampSummary renewal = stamp("renewal", SECOND, NEW_TSA_ENDS, "SHA256");

        assertThat(TimestampFacts.newest(List.of(previous, renewal)).validUntil()).isEqualTo(NEW_TSA_ENDS);
        assertThat(TimestampFacts.newest(List.of(renewal, previous)).validUntil()).isEqualTo(NEW_TSA_ENDS);
    }

    @Test
    void newest_withoutProductionTimes_knowsNothing() {
        assertThat(TimestampFacts.newest(List.of(stamp("x", null, NEW_TSA_ENDS, "SHA256"))))
                .isEqualTo(new TimestampFacts(null, null));
    }
}
