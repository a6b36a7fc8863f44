package be.paraaf.prepare;

import be.paraaf.identity.NationalRegisterNumber;
import java.util.List;

/** The building blocks a template composes its document from; {@link PdfComposer} lays them out. */
sealed interface Block {

    /** The document title, large and bold. */
    record Title(String text) implements Block {
    }

    /** A section heading; never left alone at the bottom of a page. */
    record Heading(String text) implements Block {
    }

    /** Running text; blank lines separate paragraphs, long text flows over pages. */
    record Paragraph(String text) implements Block {
    }

    /** Label–value rows ("Naam: Jan Peeters"); a row is never split over two pages. */
    record Facts(List<Fact> rows) implements Block {
        public Facts {
            rows = List.copyOf(rows);
        }
    }

    record Fact(String label, String value) {
    }

    /** A numbered list; an item is never split over two pages. */
    record Steps(List<String> items) implements Block {
        public Steps {
            items = List.copyOf(items);
        }
    }

    /**
     * Signature blocks, two per row: each shows the signer's role and name above a framed box holding an
     * empty signature field. A row is kept together and moves to the next page when it does not fit.
     */
    record Signatures(List<SignatureSlot> slots) implements Block {
        public Signatures {
            slots = List.copyOf(slots);
        }
    }

    /**
     * One signer: the deterministic field name, the role ("Huurder 1"), the signer's name and, when the document
     * names it, their national register number (null otherwise) — the identity a signing request binds to the field.
     */
    record SignatureSlot(String fieldName, String role, String name, NationalRegisterNumber nationalNumber) {

        SignatureSlot(String fieldName, String role, String name) {
            this(fieldName, role, name, null);
        }
    }

    /**
     * A result in a framed, tinted box: a bold label (the verdict in a word or two) above a sentence. The
     * tone picks the colours; the box is never split over two pages.
     */
    record Banner(String label, String text, Tone tone) implements Block {
    }

    enum Tone { GOOD, DOUBT, BAD }

    /**
     * Pictures side by side (at most two per row), each with a caption above it, scaled to the column width;
     * a missing picture ({@code png} null) leaves its caption and a framed empty box. A row is kept together.
     */
    record Pictures(List<Picture> pictures) implements Block {
        public Pictures {
            pictures = List.copyOf(pictures);
        }
    }

    /** A PNG picture (opaque RGB: PDF/A allows no transparency) and its caption. */
    record Picture(byte[] png, String caption) {
    }
}
