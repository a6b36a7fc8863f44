package be.paraaf.signing;

import eu.europa.esig.dss.model.DSSDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

final class Documents {

    private Documents() {
    }

    static byte[] bytes(DSSDocument document) {
        try (InputStream in = document.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
