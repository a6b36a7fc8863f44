package be.paraaf.consent.itsme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import be.paraaf.support.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh SoftHSM2 token with a unique label, in whatever token directory SOFTHSM2_CONF (or the default
 * /etc/softhsm/softhsm2.conf) names — the same one SunPKCS11 in this JVM sees. Missing SoftHSM2 fails the
 * test under CI=true and skips it elsewhere, saying what to install.
 *
 * <p>SoftHSM2 reads its token directory once, at C_Initialize, and SunPKCS11 initialises a module once per
 * library path and JVM: a token created after another test loaded the module would be invisible
 * (CKR_SLOT_ID_INVALID). Each token is therefore used through its own copy of the module, which
 * initialises afresh and sees it.
 */
record SoftHsmToken(String label, long slot, String pin, String library) implements AutoCloseable {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";

    static SoftHsmToken create(Path scratch) {
        ExternalTool.require("softhsm2-util", "softhsm2");
        if (!Files.isReadable(Path.of(LIBRARY))) {
            String message = LIBRARY + " is missing (apt-get install -y softhsm2)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI must install it (.ci/run)");
            }
            Assumptions.abort(message + "; skipping the PKCS#11 test");
        }
        String label = "paraaf-itsme-" + UUID.randomUUID().toString().substring(0, 8);
        String pin = "1234";
        ExternalTool.Result result = ExternalTool.run(List.of("softhsm2-util", "--init-token", "--free", "--label",
                label, "--pin", pin, "--so-pin", "5678"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(result.output());
        assertThat(slot.find()).as(result.output()).isTrue();
        Path copy = scratch.resolve("libsofthsm2-" + label + ".so");
        try {
            Files.copy(Path.of(LIBRARY), copy);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new SoftHsmToken(label, Long.parseLong(slot.group(1)), pin, copy.toString());
    }

    ItsmeProperties.Pkcs11 settings() {
        return new ItsmeProperties.Pkcs11(library, slot, pin);
    }

    @Override
    public void close() {
        ExternalTool.run(List.of("softhsm2-util", "--delete-token", "--token", label));
    }
}
