package be.paraaf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void object_sortsMembersAndLeavesOutNulls() {
        Map<String, String> members = new HashMap<>();
        members.put("b", "2");
        members.put("a", "1");
        members.put("c", null);
        assertThat(CanonicalJson.object(members)).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void string_escapesQuotesBackslashesAndControlCharacters() {
        assertThat(CanonicalJson.string("Zoë \"x\" \\ \n\u0001")).isEqualTo("\"Zoë \\\"x\\\" \\\\ \\n\\u0001\"");
    }

    @Test
    void hash_changesWithEveryMemberIncludingThePreviousHash() {
        Instant at = Instant.parse("2026-11-23T10:00:00.123Z");
        String base = AuditTrail.hash("r", 1, "request.created", "agency:a", null, "{}", at, AuditTrail.GENESIS);
        assertThat(base).hasSize(64).isEqualTo(
                AuditTrail.hash("r", 1, "request.created", "agency:a", null, "{}", at, AuditTrail.GENESIS));
        assertThat(AuditTrail.hash("r", 2, "request.created", "agency:a", null, "{}", at, AuditTrail.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditTrail.hash("r", 1, "request.created", "agency:b", null, "{}", at, AuditTrail.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditTrail.hash("r", 1, "request.created", "agency:a", "00", "{}", at, AuditTrail.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditTrail.hash("r", 1, "request.created", "agency:a", null, "{}", at, "1".repeat(64)))
                .isNotEqualTo(base);
        assertThat(AuditTrail.hash("r", 1, "request.created", "agency:a", null, "{}", at.plusMillis(1),
                AuditTrail.GENESIS)).isNotEqualTo(base);
    }

    @Test
    void signerActorShowsOnlyTheLastFourDigits() {
        assertThat(Actor.signer("tenant-1", be.paraaf.identity.NationalRegisterNumber.parse("85073003328")).value())
                .isEqualTo("signer:tenant-1:*******3328");
    }
}
