package be.paraaf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * poppler's pdfsig as an independent verifier: CMS integrity, byte-range coverage and certificate trust
 * through an NSS database that trusts the given root.
 */
public final class PdfSig {

    /**
     * What pdfsig said about one signature field. pdfsig 22.12 lists empty signature fields too, and cannot
     * verify ETSI.RFC3161 document time-stamps ("Signature Type: unknown"); DSS verifies those.
     */
    public record Verdict(int number, String type, String signatureValidation, String certificateValidation,
            boolean totalDocumentSigned, String block) {

        public boolean signatureValid() {
            return "Signature is Valid.".equals(signatureValidation);
        }

        public boolean unsignedField() {
            return block.contains("is not signed");
        }

        public boolean documentTimestamp() {
            return !unsignedField() && !type.startsWith("ETSI.CAdES") && !type.startsWith("adbe.");
        }

        /** A CMS signature (not a document time-stamp, not an empty field). */
        public boolean signature() {
            return !unsignedField() && !documentTimestamp();
        }
    }

    private static final Pattern SIGNATURE_BLOCK = Pattern.compile("(?m)^Signature #(\\d+):");

    private final Path nssDirectory;

    private PdfSig(Path nssDirectory) {
        this.nssDirectory = nssDirectory;
    }

    /** An NSS database in {@code directory} that trusts {@code root} for signing. */
    public static PdfSig trusting(X509Certificate root, Path directory) {
        ExternalTool.require("pdfsig", "poppler-utils");
        ExternalTool.require("certutil", "libnss3-tools");
        try {
            Files.createDirectories(directory);
            Path rootFile = directory.resolve("root.der");
            Files.write(rootFile, root.getEncoded());
            check(ExternalTool.run(List.of("certutil", "-N", "-d", "sql:" + directory, "--empty-password")));
            check(ExternalTool.run(List.of("certutil", "-A", "-d", "sql:" + directory, "-n", "paraaf-demo-root",
                    "-t", "CT,C,C", "-i", rootFile.toString())));
            return new PdfSig(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CMS signatures only, in document order. */
    public List<Verdict> signatures(byte[] pdf) {
        return verify(pdf).stream().filter(Verdict::signature).toList();
    }

    /** True if some revision's signature or time-stamp covers the file up to its last byte. */
    public boolean wholeFileCovered(byte[] pdf) {
        return verify(pdf).stream().anyMatch(Verdict::totalDocumentSigned);
    }

    public List<Verdict> verify(byte[] pdf) {
        try {
            Path file = Files.createTempFile(nssDirectory, "signed", ".pdf");
            Files.write(file, pdf);
            List<Verdict> verdicts = verify(file);
            Files.deleteIfExists(file);
            return verdicts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #verify(byte[])} for a PDF on disk (of any size: the test's heap never holds it). */
    public List<Verdict> verify(Path file) {
        return parse(ExternalTool.run(List.of("pdfsig", "-nssdir", "sql:" + nssDirectory, file.toString())).output());
    }

    static List<Verdict> parse(String output) {
        List<Verdict> verdicts = new ArrayList<>();
        Matcher matcher = SIGNATURE_BLOCK.matcher(output);
        List<int[]> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(new int[] {matcher.start(), Integer.parseInt(matcher.group(1))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : output.length();
            String block = output.substring(starts.get(i)[0], end);
            verdicts.add(new Verdict(starts.get(i)[1], field(block, "Signature Type"), field(block, "Signature Validation"),
                    field(block, "Certificate Validation"), block.contains("- Total document signed"), block));
        }
        return verdicts;
    }

    private static String field(String block, String name) {
        Matcher matcher = Pattern.compile("- " + name + ": (.*)").matcher(block);
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    private static void check(ExternalTool.Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("certutil failed: " + result.output());
        }
    }
}
