package be.paraaf.prepare;

import static be.paraaf.prepare.InputField.optional;

import java.util.ArrayList;
import java.util.List;

/** The printable "how to prepare" folder: installing itsme with a bank card or the eID. No signature. */
final class ItsmeLeafletTemplate implements DocumentTemplate {

    @Override
    public String name() {
        return "itsme-leaflet";
    }

    @Override
    public List<InputField> fields() {
        return List.of(optional("organisation", Kind.TEXT), optional("helpdeskPhone", Kind.PHONE));
    }

    @Override
    public List<String> signatureFields() {
        return List.of();
    }

    @Override
    public List<Block> compose(Values values, Labels labels) {
        List<Block> blocks = new ArrayList<>(List.of(
                new Block.Title(title(labels)),
                new Block.Paragraph(labels.text("itsme-leaflet.intro")),
                new Block.Heading(labels.text("itsme-leaflet.need")),
                new Block.Steps(labels.numbered("itsme-leaflet.need")),
                new Block.Heading(labels.text("itsme-leaflet.bank")),
                new Block.Steps(labels.numbered("itsme-leaflet.bank")),
                new Block.Heading(labels.text("itsme-leaflet.eid")),
                new Block.Steps(labels.numbered("itsme-leaflet.eid")),
                new Block.Heading(labels.text("itsme-leaflet.safe")),
                new Block.Paragraph(labels.text("itsme-leaflet.safe.text"))));
        if (values.has("organisation") || values.has("helpdeskPhone")) {
            blocks.add(new Block.Heading(labels.text("itsme-leaflet.help")));
            blocks.add(new Block.Paragraph(labels.text("itsme-leaflet.help.text",
                    values.text("organisation", labels.text("itsme-leaflet.help.us")),
                    values.has("helpdeskPhone") ? Kind.printedPhone(values.text("helpdeskPhone")) : "-")));
        }
        return blocks;
    }
}
