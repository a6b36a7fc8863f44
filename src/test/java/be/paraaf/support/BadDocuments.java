package be.paraaf.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Inputs every upload endpoint must refuse with a clear problem, built from a good PDF. */
public final class BadDocuments {

    private BadDocuments() {
    }

    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** AES-128 with a user password: nobody can open it without the password. */
    public static byte[] encrypted(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header and %%EOF around random bytes: passes a naive sniff, parses to nothing. */
    public static byte[] garbageWithHeader() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, garbage, 0, header.length);
        byte[] eof = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eof, 0, garbage, garbage.length - eof.length, eof.length);
        return garbage;
    }
}
