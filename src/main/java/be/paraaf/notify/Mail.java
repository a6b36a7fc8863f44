package be.paraaf.notify;

import java.util.List;

/**
 * One e-mail: a plain-text part and an HTML part saying the same (no images, no remote content, no tracking), and
 * attachments.
 */
public record Mail(String to, String subject, String text, String html, List<Attachment> attachments) {

    public Mail {
        if (to == null || to.isBlank() || subject == null || text == null || html == null) {
            throw new IllegalArgumentException("a mail needs a recipient, a subject, a text and an HTML part");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file sent along, e.g. the signed PDF. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
