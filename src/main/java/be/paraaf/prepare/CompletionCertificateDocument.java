package be.paraaf.prepare;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The completion certificate of a signing request: one PDF/A-2b in Dutch, French or English that says which
 * document (its SHA-256) was signed by whom (name, national register number masked as {@code 85.07.30-***.**},
 * method, time, signing certificate), what the request's audit trail ends with (the head of its hash chain) and how
 * anyone can check all of it. The caller seals it; the texts are {@code certificate_*.properties}.
 */
@Component
public class CompletionCertificateDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.of("Europe/Brussels"));

    /** What the certificate states. */
    public record Content(String requestId, String title, String agency, String documentName,
            String documentSha256, Instant completedAt, List<SignerLine> signers, String auditHeadHash,
            int auditEntries, boolean auditIntact) {

        public Content {
            signers = List.copyOf(signers);
        }
    }

    /**
     * One signature.
     *
     * @param maskedNumber e.g. {@code 85.07.30-***.**}
     * @param method {@code itsme} or {@code eID}
     */
    public record SignerLine(String name, String role, String maskedNumber, String method, Instant signedAt,
            String certificateSubject, String certificateSerial) {
    }

    private final Clock clock;

    CompletionCertificateDocument(Clock clock) {
        this.clock = clock;
    }

    public byte[] render(Content content, Language language) {
        ResourceBundle texts = texts(language);
        Labels labels = Labels.of(language);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(text(texts, "title")));
        blocks.add(new Block.Paragraph(text(texts, "intro", content.agency())));
        blocks.add(new Block.Facts(List.of(
                new Block.Fact(text(texts, "request"), content.title() + "\n" + content.requestId()),
                new Block.Fact(text(texts, "document"), content.documentName()),
                new Block.Fact(text(texts, "documentHash"), hex(content.documentSha256())),
                new Block.Fact(text(texts, "completedAt"), TIME.format(content.completedAt())))));
        blocks.add(new Block.Heading(text(texts, "signers")));
        int number = 0;
        for (SignerLine signer : content.signers()) {
            number++;
            blocks.add(new Block.Facts(List.of(
                    new Block.Fact(text(texts, "signer", number), signer.name() + " (" + signer.role() + ")"),
                    new Block.Fact(text(texts, "nationalNumber"), signer.maskedNumber()),
                    new Block.Fact(text(texts, "method"), signer.method()),
                    new Block.Fact(text(texts, "signedAt"), signer.signedAt() == null ? "—"
                            : TIME.format(signer.signedAt())),
                    new Block.Fact(text(texts, "certificate"), signer.certificateSubject() + "\n"
                            + text(texts, "serial") + " " + signer.certificateSerial()))));
        }
        blocks.add(new Block.Heading(text(texts, "audit")));
        blocks.add(new Block.Facts(List.of(
                new Block.Fact(text(texts, "auditHead"), hex(content.auditHeadHash())),
                new Block.Fact(text(texts, "auditEntries"), text(texts, content.auditIntact() ? "auditIntact"
                        : "auditBroken", content.auditEntries())))));
        blocks.add(new Block.Heading(text(texts, "verify")));
        blocks.add(new Block.Steps(List.of(text(texts, "verify.1"), text(texts, "verify.2"),
                text(texts, "verify.3"), text(texts, "verify.4"))));
        return PdfComposer.compose(new PdfComposer.Description(text(texts, "title"), language,
                clock.instant().truncatedTo(ChronoUnit.SECONDS)), labels, blocks).pdf();
    }

    /** The hash in two lines of 32 hexadecimal digits, so it fits the column and can be read aloud. */
    private static String hex(String sha256) {
        return sha256 == null || sha256.length() != 64 ? String.valueOf(sha256)
                : sha256.substring(0, 32) + "\n" + sha256.substring(32);
    }

    private static String text(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key)).format(args);
    }

    static ResourceBundle texts(Language language) {
        String name = "/be/paraaf/prepare/certificate_" + language.tag() + ".properties";
        try (var in = CompletionCertificateDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
