package be.paraaf.prepare;

import static be.paraaf.prepare.InputField.choice;
import static be.paraaf.prepare.InputField.optional;
import static be.paraaf.prepare.InputField.required;

import be.paraaf.prepare.Block.Fact;
import java.util.List;

/**
 * Wonen in Vlaanderen actualisation: a candidate tenant confirms they stay on the waiting list for social
 * housing, or withdraw.
 */
final class ActualisationTemplate implements DocumentTemplate {

    static final String FIELD = "candidate";

    @Override
    public String name() {
        return "actualisation";
    }

    @Override
    public List<InputField> fields() {
        return List.of(required("dossierNumber", Kind.TEXT), required("name", Kind.TEXT),
                required("nationalNumber", Kind.NATIONAL_NUMBER), choice("choice", "STAY", "WITHDRAW"),
                required("date", Kind.DATE), optional("housingCompany", Kind.TEXT));
    }

    @Override
    public List<String> signatureFields() {
        return List.of(FIELD);
    }

    @Override
    public List<Block> compose(Values values, Labels labels) {
        boolean stay = "STAY".equals(values.text("choice"));
        String company = values.text("housingCompany", labels.text("actualisation.company.default"));
        return List.of(
                new Block.Title(title(labels)),
                new Block.Paragraph(labels.text("actualisation.intro", company)),
                new Block.Facts(List.of(
                        new Fact(labels.text("label.dossierNumber"), values.text("dossierNumber")),
                        new Fact(labels.text("label.name"), values.text("name")),
                        new Fact(labels.text("label.nationalNumber"),
                                values.nationalNumber("nationalNumber").formatted()),
                        new Fact(labels.text("label.date"), labels.date(values.date("date"))))),
                new Block.Heading(labels.text("actualisation.choice")),
                new Block.Paragraph((stay ? "[X] " : "[  ] ") + labels.text("actualisation.stay") + "\n\n"
                        + (stay ? "[  ] " : "[X] ") + labels.text("actualisation.withdraw")),
                new Block.Paragraph(labels.text(stay ? "actualisation.stay.note" : "actualisation.withdraw.note")),
                new Block.Heading(labels.text("heading.signatures")),
                new Block.Paragraph(labels.text("signed.on", labels.date(values.date("date")))),
                new Block.Signatures(List.of(new Block.SignatureSlot(FIELD, labels.text("actualisation.role"),
                        values.text("name"), values.nationalNumber("nationalNumber")))));
    }
}
