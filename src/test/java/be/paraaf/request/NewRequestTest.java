package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.signing.SignatureLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewRequestTest {

    private static NewSigner signer(String role, String field) {
        return new NewSigner(role, "Jan Peeters", "85.07.30-033.28", null, "jan@example.be", null, field, null);
    }

    @Test
    void defaults_levelLtaStepOneEitherMethod() {
        NewRequest request = new NewRequest("doc", " Huur ", null, null, null, List.of(signer("tenant-1", "tenant-1")));
        assertThat(request.level()).isEqualTo(SignatureLevel.B_LTA);
        assertThat(request.title()).isEqualTo("Huur");
        assertThat(request.signers().get(0).step()).isEqualTo(1);
        assertThat(request.signers().get(0).methods()).isEqualTo(ConsentMethods.EITHER);
    }

    @Test
    void callbackUrl_mustBeHttpOrHttpsWithAHost() {
        for (String bad : List.of("ftp://example.be/x", "file:///etc/passwd", "javascript:alert(1)", "http://",
                "https://user:pw@example.be/")) {
            assertThatThrownBy(() -> new NewRequest("doc", "t", null, null, bad, List.of(signer("a", "f"))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new NewRequest("doc", "t", null, null, "https://hooks.example.be/paraaf", List.of(signer("a", "f")))
                .callbackUrl()).isEqualTo("https://hooks.example.be/paraaf");
    }

    @Test
    void notificationLanguage_nlFrOrEnAndOnlyWithAnAddress() {
        List<NewSigner> signers = List.of(signer("a", "f"));
        assertThat(new NewRequest("doc", "t", null, null, null, signers, null, "dossiers@example.be", " FR ")
                .notificationLanguage()).isEqualTo("fr");
        assertThat(new NewRequest("doc", "t", null, null, null, signers, null, "dossiers@example.be", null)
                .notificationLanguage()).isNull();
        assertThatThrownBy(() -> new NewRequest("doc", "t", null, null, null, signers, null, "dossiers@example.be",
                "de")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nl, fr or en");
        assertThatThrownBy(() -> new NewRequest("doc", "t", null, null, null, signers, null, null, "fr"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notificationEmail");
    }

    @Test
    void signers_needDistinctRolesAndFieldsAndValidNumbers() {
        assertThatThrownBy(() -> new NewRequest("doc", "t", null, null, null, List.of(signer("a", "f"), signer("a", "g"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new NewRequest("doc", "t", null, null, null, List.of(signer("a", "f"), signer("b", "f"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new NewSigner("a", "Jan", "85073003329", null, null, null, "f", 1))
                .hasMessageContaining("national register number");
        assertThatThrownBy(() -> new NewSigner("a", "Jan", "85073003328", null, null, "SMS", "f", 1))
                .hasMessageContaining("ITSME, EID or EITHER");
        assertThatThrownBy(() -> new NewSigner("a", "Jan", "85073003328", null, null, null, "f", 0))
                .hasMessageContaining("step");
    }

    @Test
    void webhookSignature_isHmacOverTimestampDotBody() {
        // RFC 4231-independent check: same inputs, same header; a different body or time, another one
        String header = WebhookService.signatureHeader("whsec_test", 1_700_000_000L, "{\"a\":1}");
        assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
        assertThat(WebhookService.signatureHeader("whsec_test", 1_700_000_001L, "{\"a\":1}")).isNotEqualTo(header);
        assertThat(WebhookService.signatureHeader("whsec_test", 1_700_000_000L, "{\"a\":2}")).isNotEqualTo(header);
        assertThat(WebhookService.signatureHeader("whsec_other", 1_700_000_000L, "{\"a\":1}")).isNotEqualTo(header);
    }

    @Test
    void backoff_doublesFromTheInitialWait() {
        RequestProperties properties = new RequestProperties(Duration.ofDays(14), Duration.ofDays(365),
                Duration.ofMinutes(1), Duration.ofDays(2), 3,
                new RequestProperties.Webhooks(6, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10),
                        false));
        WebhookDispatcher dispatcher = new WebhookDispatcher(null, null, null, properties,
                java.time.Clock.systemUTC(), null, null);
        assertThat(List.of(dispatcher.backoff(1), dispatcher.backoff(2), dispatcher.backoff(3)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(dispatcher.backoff(40)).isEqualTo(Duration.ofDays(1));
    }
}
