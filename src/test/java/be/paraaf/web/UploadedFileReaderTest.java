package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadedFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void aMissingWorkDirectoryIsCreatedAtStart() {
        Path work = dir.resolve("work/uploads");

        assertThat(UploadedFileReader.usableWorkDirectory(work)).isEqualTo(work);
        assertThat(work).isDirectory().isEmptyDirectory();
    }

    @Test
    void aWorkDirectoryThatCannotTakeFilesStopsTheStartNamingTheSetting() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> UploadedFileReader.usableWorkDirectory(file.resolve("work")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("paraaf.work-dir: " + file.resolve("work"));
    }
}
