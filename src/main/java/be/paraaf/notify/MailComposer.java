package be.paraaf.notify;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * Writes the mails paraaf sends, in Dutch, French or English ({@code be/paraaf/notify/messages_*.properties}, one
 * file per language with the same keys): a greeting, the message, the personal link if any, a closing. The HTML
 * part says exactly what the text part says — no images, no remote content, no tracking pixels or tracked links.
 */
public final class MailComposer {

    /** What a mail is about; each has {@code <kind>.subject} and {@code <kind>.body} in every language. */
    public enum Kind {
        /** to a signer: their turn; args: title, sender, link valid until */
        INVITATION,
        /** to a signer who has not acted; args: title, sender, link valid until, reminder number */
        REMINDER,
        /** to the agency; args: title, signer name, signer role, reason */
        DECLINED,
        /** to the agency; args: title, expiry, who has not signed */
        EXPIRED,
        /** to a signer, with the signed PDF and the completion certificate; args: title */
        COMPLETED,
        /** to the agency, with the signed PDF and the completion certificate; args: title, who signed */
        AGENCY_COMPLETED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> LANGUAGES = List.of("nl", "fr", "en");

    private MailComposer() {
    }

    /**
     * @param language nl, fr or en (anything else: nl)
     * @param link     the signer's personal link (invitation, reminder), else null
     */
    public static Mail compose(Kind kind, String language, String to, String recipientName, List<String> args,
            String link, List<Mail.Attachment> attachments) {
        ResourceBundle bundle = bundle(language);
        Locale locale = Locale.forLanguageTag(tag(language));
        Object[] values = args.stream().map(value -> value == null ? "" : value).toArray();
        String subject = format(bundle, kind.key() + ".subject", locale, values);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(format(bundle, "greeting", locale, recipientName));
        paragraphs.addAll(List.of(format(bundle, kind.key() + ".body", locale, values).split("\n\n")));
        String action = link == null ? null : bundle.getString(kind.key() + ".action");
        String closing = bundle.getString("closing");

        StringBuilder text = new StringBuilder();
        paragraphs.forEach(paragraph -> text.append(paragraph).append("\n\n"));
        if (link != null) {
            text.append(action).append(": ").append(link).append("\n\n");
        }
        text.append(closing).append('\n');

        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(tag(language))
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">\n");
        paragraphs.forEach(paragraph -> html.append("<p>").append(lines(paragraph)).append("</p>\n"));
        if (link != null) {
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(action))
                    .append("</a><br>").append(escape(link)).append("</p>\n");
        }
        html.append("<p>").append(lines(closing)).append("</p>\n</body></html>\n");
        return new Mail(to, subject, text.toString(), html.toString(), attachments);
    }

    static List<String> languages() {
        return LANGUAGES;
    }

    static ResourceBundle bundle(String language) {
        String tag = tag(language);
        try (var in = MailComposer.class.getResourceAsStream("/be/paraaf/notify/messages_" + tag + ".properties")) {
            return new PropertyResourceBundle(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the mail texts for " + tag + " are missing", e);
        }
    }

    private static String tag(String language) {
        return language != null && LANGUAGES.contains(language) ? language : "nl";
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object... values) {
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    private static String lines(String paragraph) {
        return escape(paragraph).replace("\n", "<br>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
