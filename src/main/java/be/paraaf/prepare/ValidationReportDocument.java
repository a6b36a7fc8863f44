package be.paraaf.prepare;

import be.paraaf.validation.DocumentVerdict;
import be.paraaf.validation.ValidationSummary;
import be.paraaf.validation.ValidationSummary.FindingSummary;
import be.paraaf.validation.ValidationSummary.PagePicture;
import be.paraaf.validation.ValidationSummary.SignatureSummary;
import be.paraaf.validation.ValidationSummary.TimestampSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The human-readable validation report: one PDF/A-2b page (or more) in Dutch, French or English that a
 * verifier can file or print — the document's verdict first, then per signature its verdict and reason in
 * plain words, who signed, when, at which level, what changed afterwards (sentences, never object paths) and
 * the pages concerned as the signer signed them next to how they are now. The words of results come from the
 * validation texts inside the summary, in the report's language; the XML reports stay the authoritative detail.
 */
@Component
public class ValidationReportDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final Clock clock;
    private final ZoneId zone = ZoneId.of("Europe/Brussels");

    ValidationReportDocument(Clock clock) {
        this.clock = clock;
    }

    /** Where the report finds the pictures a summary lists (see {@code ValidationSummary.PagePicture}). */
    @FunctionalInterface
    public interface Pictures {
        /** The PNG of the picture, {@code version} "signed" or "current"; may throw when it is gone. */
        byte[] read(int signature, PagePicture picture, String version);

        Pictures NONE = (signature, picture, version) -> null;
    }

    public byte[] render(ValidationSummary summary, Language language) {
        return render(summary, language, Pictures.NONE);
    }

    /** The report with, per signature, the pages its findings name as signed and as they are now. */
    public byte[] render(ValidationSummary summary, Language language, Pictures pictures) {
        Labels labels = Labels.of(language);
        String lang = language.tag();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(labels.text("report.title")));
        blocks.add(new Block.Banner(summary.verdictLabel().in(lang), summary.verdictText().in(lang),
                tone(summary.verdict())));
        for (FindingSummary finding : summary.findings()) {
            blocks.add(new Block.Paragraph(finding.text().in(lang)));
        }
        blocks.add(new Block.Facts(List.of(
                new Block.Fact(labels.text("report.document"), value(summary.documentName())),
                new Block.Fact(labels.text("report.validatedAt"), time(summary.validationTime())),
                new Block.Fact(labels.text("report.policy"), summary.policy()),
                new Block.Fact(labels.text("report.signatures"),
                        labels.text("report.validCount", summary.validSignatureCount(), summary.signatureCount())))));
        if (summary.signatures().isEmpty()) {
            blocks.add(new Block.Paragraph(labels.text("report.noSignatures")));
        }
        int number = 0;
        for (SignatureSummary signature : summary.signatures()) {
            number++;
            blocks.add(new Block.Heading(labels.text("report.signature", number) + ": "
                    + signature.verdictLabel().in(lang)));
            List<Block.Fact> facts = new ArrayList<>();
            facts.add(new Block.Fact(labels.text("report.reason"), signature.reasonText().in(lang)));
            facts.add(new Block.Fact(labels.text("report.signer"), value(signature.signerName())));
            if (signature.nationalRegisterNumber() != null) {
                facts.add(new Block.Fact(labels.text("label.nationalNumber"), signature.nationalRegisterNumber()));
            }
            facts.add(new Block.Fact(labels.text("report.claimedTime"), time(signature.claimedSigningTime())));
            facts.add(new Block.Fact(labels.text("report.bestTime"), time(signature.bestSigningTime())));
            facts.add(new Block.Fact(labels.text("report.level"), value(signature.level())));
            facts.add(new Block.Fact(labels.text("report.field"), value(signature.signatureFieldName())));
            facts.add(new Block.Fact(labels.text("report.indication"), signature.indication()
                    + (signature.subIndication() == null ? "" : " / " + signature.subIndication())));
            if (signature.findings().isEmpty()) {
                facts.add(new Block.Fact(labels.text("report.changes"), labels.text("report.noChanges")));
            }
            boolean first = true;
            for (FindingSummary finding : signature.findings()) { // one row each: a row never splits over pages
                facts.add(new Block.Fact(first ? labels.text("report.changes") : "", "\u2022 " + finding.text().in(lang)));
                first = false;
            }
            blocks.add(new Block.Facts(facts));
            for (PagePicture picture : signature.pictures()) {
                blocks.add(new Block.Pictures(List.of(
                        new Block.Picture(picture.signed() == null ? null : read(pictures, number, picture, "signed"),
                                picture.signed() == null ? labels.text("report.picture.notSigned", picture.page())
                                        : labels.text("report.picture.signed", picture.page())),
                        new Block.Picture(read(pictures, number, picture, "current"),
                                labels.text(picture.changedAreas() != 0 ? "report.picture.current"
                                        : "report.picture.currentUnmarked", picture.page())))));
            }
        }
        if (!summary.timestamps().isEmpty()) {
            blocks.add(new Block.Heading(labels.text("report.timestamps")));
            List<Block.Fact> facts = new ArrayList<>();
            for (TimestampSummary timestamp : summary.timestamps()) {
                String verdict = timestamp.verdictLabel() == null ? String.valueOf(timestamp.verdict())
                        : timestamp.verdictLabel().in(lang);
                facts.add(new Block.Fact(time(timestamp.productionTime()), verdict + " — " + value(timestamp.type())
                        + ", " + value(timestamp.producedBy())));
            }
            blocks.add(new Block.Facts(facts));
        }
        blocks.add(new Block.Paragraph(labels.text("report.footer", summary.id())));
        return PdfComposer.compose(new PdfComposer.Description(labels.text("report.title"), language, clock.instant()),
                labels, blocks).pdf();
    }

    private static Block.Tone tone(DocumentVerdict verdict) {
        return switch (verdict) {
            case VALID, VALID_WITH_ALLOWED_CHANGES -> Block.Tone.GOOD;
            case UNSIGNED, INDETERMINATE -> Block.Tone.DOUBT;
            case CHANGED_AFTER_SIGNING, INVALID -> Block.Tone.BAD;
        };
    }

    /** A picture, or null when it cannot be read (expired, or never rendered): the report goes on without it. */
    private static byte[] read(Pictures pictures, int signature, PagePicture picture, String version) {
        try {
            return pictures.read(signature, picture, version);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }

    private static String value(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
