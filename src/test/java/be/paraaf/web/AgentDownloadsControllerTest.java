package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloads list: what was built, with version and SHA-256; or, when nothing was, a sentence saying so. */
class AgentDownloadsControllerTest {

    @TempDir
    Path dir;

    @Test
    void listsTheBuiltPackagesWithTheirSha256AndVersion() throws Exception {
        byte[] zip = "not really a zip, but bytes to hash".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("paraaf-agent-1.0.0-Linux-amd64-app-image.zip"), zip);
        Files.writeString(dir.resolve("paraaf-agent_1.0.0_amd64.deb"), "deb");
        Files.writeString(dir.resolve("agent-version.txt"), "1.0.0\n");
        Files.writeString(dir.resolve("notes.txt"), "not a package");

        AgentDownloadsController.AgentDownloads list = new AgentDownloadsController(dir).list();

        assertThat(list.agentVersion()).isEqualTo("1.0.0");
        assertThat(list.message()).isNull();
        assertThat(list.packages()).extracting(AgentDownloadsController.AgentPackage::file)
                .containsExactly("paraaf-agent-1.0.0-Linux-amd64-app-image.zip", "paraaf-agent_1.0.0_amd64.deb");
        AgentDownloadsController.AgentPackage first = list.packages().get(0);
        assertThat(first.size()).isEqualTo(zip.length);
        assertThat(first.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(zip)));
        assertThat(first.url()).isEqualTo("/downloads/paraaf-agent-1.0.0-Linux-amd64-app-image.zip");
    }

    @Test
    void saysSoWhenNoPackageWasBuiltAndServesOnlyListedFiles() throws Exception {
        AgentDownloadsController controller = new AgentDownloadsController(dir.resolve("never-built"));

        AgentDownloadsController.AgentDownloads list = controller.list();

        assertThat(list.packages()).isEmpty();
        assertThat(list.message()).contains("No agent package was built", "-Pagent-package", "eid-agent");
        Files.writeString(dir.resolve("secret.txt"), "x");
        assertThatThrownBy(() -> new AgentDownloadsController(dir).download("secret.txt"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new AgentDownloadsController(dir).download("../paraaf-agent.zip"))
                .isInstanceOf(NotFoundException.class);
    }
}
