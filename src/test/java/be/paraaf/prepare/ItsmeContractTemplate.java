package be.paraaf.prepare;

import static be.paraaf.prepare.InputField.optional;
import static be.paraaf.prepare.InputField.required;

import be.paraaf.prepare.Block.Fact;
import java.util.List;

/** The itsme enrolment contract a citizen signs with the eID card while registering for itsme. */
final class ItsmeContractTemplate implements DocumentTemplate {

    static final String FIELD = "citizen";

    @Override
    public String name() {
        return "itsme-contract";
    }

    @Override
    public List<InputField> fields() {
        return List.of(required("name", Kind.TEXT), required("nationalNumber", Kind.NATIONAL_NUMBER),
                required("phone", Kind.PHONE), required("date", Kind.DATE), optional("place", Kind.TEXT),
                optional("terms", Kind.LONG_TEXT));
    }

    @Override
    public List<String> signatureFields() {
        return List.of(FIELD);
    }

    @Override
    public List<Block> compose(Values values, Labels labels) {
        String date = labels.date(values.date("date"));
        String signedOn = values.has("place")
                ? labels.text("signed.atOn", values.text("place"), date) : labels.text("signed.on", date);
        return List.of(
                new Block.Title(title(labels)),
                new Block.Paragraph(labels.text("itsme-contract.intro")),
                new Block.Heading(labels.text("itsme-contract.user")),
                new Block.Facts(List.of(
                        new Fact(labels.text("label.name"), values.text("name")),
                        new Fact(labels.text("label.nationalNumber"), values.nationalNumber("nationalNumber").formatted()),
                        new Fact(labels.text("label.phone"), Kind.printedPhone(values.text("phone"))))),
                new Block.Heading(labels.text("itsme-contract.terms")),
                new Block.Paragraph(values.text("terms", labels.text("itsme-contract.terms.text"))),
                new Block.Heading(labels.text("heading.signatures")),
                new Block.Paragraph(labels.text("itsme-contract.consent") + "\n" + signedOn),
                new Block.Signatures(List.of(new Block.SignatureSlot(FIELD, labels.text("itsme-contract.role"),
                        values.text("name"), values.nationalNumber("nationalNumber")))));
    }
}
