package be.paraaf.prepare;

import be.paraaf.validation.ValidationSummary;
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
 * verifier can file or print — per signature the verdict in plain words, who signed, when, at which level
 * and what changed afterwards. The XML reports stay the authoritative detail.
 */
@Component
public class ValidationReportDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final Clock clock;
    private final ZoneId zone = ZoneId.of("Europe/Brussels");

    ValidationReportDocument(Clock clock) {
        this.clock = clock;
    }

    public byte[] render(ValidationSummary summary, Language language) {
        Labels labels = Labels.of(language);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(labels.text("report.title")));
        blocks.add(new Block.Paragraph(summary.verdictText().in(language.tag())));
        blocks.add(new Block.Facts(List.of(
                new Block.Fact(labels.text("report.document"), summary.documentName()),
                new Block.Fact(labels.text("report.validatedAt"), time(summary.validationTime())),
                new Block.Fact(labels.text("report.policy"), summary.policy()),
                new Block.Fact(labels.text("report.signatures"),
                        labels.text("report.validCount", summary.validSignatureCount(), summary.signatureCount())))));
        if (summary.signatures().isEmpty()) {
            blocks.add(new Block.Paragraph(labels.text("report.noSignatures")));
        }
        int number = 1;
        for (SignatureSummary signature : summary.signatures()) {
            blocks.add(new Block.Heading(labels.text("report.signature", number++)));
            List<Block.Fact> facts = new ArrayList<>();
            facts.add(new Block.Fact(labels.text("report.verdict"),
                    signature.verdictLabel().in(language.tag()) + " — " + signature.reasonText().in(language.tag())));
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
            List<String> findings = signature.findings().stream()
                    .map(finding -> finding.text().in(language.tag())).toList();
            facts.add(new Block.Fact(labels.text("report.changes"), findings.isEmpty()
                    ? labels.text("report.noChanges") : String.join(" ", findings)));
            blocks.add(new Block.Facts(facts));
        }
        if (!summary.timestamps().isEmpty()) {
            blocks.add(new Block.Heading(labels.text("report.timestamps")));
            List<Block.Fact> facts = new ArrayList<>();
            for (TimestampSummary timestamp : summary.timestamps()) {
                facts.add(new Block.Fact(time(timestamp.productionTime()), labels.text("verdict." + timestamp.verdict()
                        .name()) + " — " + value(timestamp.type()) + ", " + value(timestamp.producedBy())));
            }
            blocks.add(new Block.Facts(facts));
        }
        blocks.add(new Block.Paragraph(labels.text("report.footer", summary.id())));
        return PdfComposer.compose(new PdfComposer.Description(labels.text("report.title"), language, clock.instant()),
                labels, blocks).pdf();
    }

    private String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }

    private static String value(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
