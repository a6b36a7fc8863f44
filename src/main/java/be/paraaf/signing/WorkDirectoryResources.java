package be.paraaf.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.spi.signature.resources.DSSResourcesHandler;
import eu.europa.esig.dss.spi.signature.resources.DSSResourcesHandlerBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where DSS writes the revisions it builds when paraaf signs a file on disk: files in one work directory that the
 * caller deletes as a whole when the request is done, so nothing of a large document stays in the heap and nothing
 * outlives its request. (DSS's own {@code TempFileResourcesHandlerBuilder} keeps every handler it made and registers
 * each file for deletion at JVM exit: both grow for as long as the service runs.)
 */
final class WorkDirectoryResources implements DSSResourcesHandlerBuilder {

    private final Path directory;

    WorkDirectoryResources(Path directory) {
        this.directory = directory;
    }

    @Override
    public DSSResourcesHandler createResourcesHandler() {
        return new DSSResourcesHandler() {
            private Path file;
            private OutputStream out;
            private boolean kept;

            @Override
            public OutputStream createOutputStream() throws IOException {
                if (out != null) {
                    throw new IllegalStateException("one output stream per DSS resources handler");
                }
                file = Files.createTempFile(directory, "dss-", ".pdf");
                out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                return out;
            }

            @Override
            public DSSDocument writeToDSSDocument() throws IOException {
                out.close();
                kept = true;
                return new FileDocument(file.toFile());
            }

            @Override
            public void close() throws IOException {
                if (out != null) {
                    out.close();
                }
                if (file != null && !kept) {
                    Files.deleteIfExists(file);
                }
            }
        };
    }
}
