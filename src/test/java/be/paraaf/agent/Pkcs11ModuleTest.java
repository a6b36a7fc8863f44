package be.paraaf.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Pkcs11ModuleTest {

    @Test
    void generationTemplateMakesPrivateNonExtractableTokenKeysWithTheCardLabel() {
        String config = new Pkcs11Module(Path.of("/opt/lib/libsofthsm2.so"), 0).configText("card", "Signature");

        assertThat(config).startsWith("--name = card\nlibrary = /opt/lib/libsofthsm2.so\nslotListIndex = 0\n");
        // "Signature" in hex, as CKA_LABEL and CKA_ID of both halves of the key pair
        assertThat(config.split("CKA_LABEL = 0h5369676e6174757265")).hasSize(3);
        assertThat(config).contains("CKA_EXTRACTABLE = false", "CKA_SENSITIVE = true", "CKA_PRIVATE = true");
    }

    @Test
    void plainConfigurationHasNoTemplate() {
        assertThat(new Pkcs11Module(Path.of("/x.so"), 2).configText("agent", null))
                .isEqualTo("--name = agent\nlibrary = /x.so\nslotListIndex = 2\n");
    }

    @Test
    void missingModuleIsReportedAsNoModule() {
        assertThatThrownBy(() -> new Pkcs11Module(Path.of("/nonexistent/libbeidpkcs11.so"), 0).open("x", null))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CardException.Kind.NO_MODULE);
                    assertThat(e.getMessage()).contains("/nonexistent/libbeidpkcs11.so", "--module");
                });
    }

    @Test
    void pkcs11ReturnValuesMapToTheHoldersSituation() {
        assertThat(Pkcs11Errors.translate(new RuntimeException("CKR_PIN_LOCKED"), "login").kind())
                .isEqualTo(CardException.Kind.BLOCKED);
        assertThat(Pkcs11Errors.translate(new RuntimeException("x", new RuntimeException("CKR_TOKEN_NOT_PRESENT")),
                "login").kind()).isEqualTo(CardException.Kind.NO_TOKEN);
        assertThat(Pkcs11Errors.translate(new RuntimeException("CKR_FUNCTION_FAILED"), "sign").kind())
                .isEqualTo(CardException.Kind.CARD_ERROR);
        assertThat(Pkcs11Errors.isPinIncorrect(new RuntimeException("CKR_PIN_INCORRECT"))).isTrue();
    }
}
