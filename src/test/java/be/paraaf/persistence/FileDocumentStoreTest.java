package be.paraaf.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDocumentStoreTest {

    @TempDir
    Path root;

    @Test
    void contentRoundTripsUnderItsSha256() {
        FileDocumentStore store = new FileDocumentStore(root);
        byte[] content = "%PDF-1.7 huurovereenkomst".getBytes(StandardCharsets.UTF_8);

        StoredContent stored = store.put(content);

        assertThat(stored.sha256()).isEqualTo(StoredContent.sha256(content)).hasSize(64);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(store.exists(stored.sha256())).isTrue();
        assertThat(store.get(stored.sha256())).isEqualTo(content);
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneFile() throws IOException {
        FileDocumentStore store = new FileDocumentStore(root);
        byte[] content = {1, 2, 3};
        assertThat(store.put(content)).isEqualTo(store.put(content.clone()));
        assertThat(files()).hasSize(1);
    }

    @Test
    void writeLeavesOnlyTheFinalFileNoTemporaryOne() throws IOException {
        FileDocumentStore store = new FileDocumentStore(root);
        StoredContent stored = store.put(new byte[100_000]);

        assertThat(files()).containsExactly(root.resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256()));
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsNeverServedAsContent() throws IOException {
        FileDocumentStore store = new FileDocumentStore(root);
        byte[] content = "complete".getBytes(StandardCharsets.UTF_8);
        String sha256 = StoredContent.sha256(content);
        // a crash between writing the temporary file and the rename leaves only the temporary file
        Path directory = Files.createDirectories(root.resolve(sha256.substring(0, 2)));
        Files.write(directory.resolve("." + sha256 + "123.tmp"), "compl".getBytes(StandardCharsets.UTF_8));

        assertThat(store.exists(sha256)).isFalse();
        assertThat(store.put(content).sha256()).isEqualTo(sha256);
        assertThat(store.get(sha256)).isEqualTo(content);
    }

    @Test
    void damagedFileIsReportedNotServed() throws IOException {
        FileDocumentStore store = new FileDocumentStore(root);
        StoredContent stored = store.put("original".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256()), new byte[] {0});

        assertThatThrownBy(() -> store.get(stored.sha256())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void unknownContentIsNotFoundAndPathsCannotEscapeTheStore() {
        FileDocumentStore store = new FileDocumentStore(root);
        assertThatThrownBy(() -> store.get("0".repeat(64))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
