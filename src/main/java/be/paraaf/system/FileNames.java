package be.paraaf.system;

import java.text.Normalizer;

/**
 * The one rule for a file name a caller sends (a multipart upload's {@code filename}) before paraaf keeps it, shows
 * it or sends it back in a {@code Content-Disposition}: no directory part ({@code ../}, {@code C:\x\}), no control
 * characters (C0, DEL, C1), no invisible format characters — the bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), the marks U+200E, U+200F and U+061C — that make {@code evil\u202Efdp.exe} display as
 * "evilexe.pdf", none of the characters Windows refuses ({@code <>:"|?*}), NFC, trimmed, at most {@link #MAX_LENGTH}
 * characters with the extension kept. What is left empty becomes the caller's default.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 200;
    private static final int MAX_EXTENSION = 16;

    private FileNames() {
    }

    /** {@code name} made safe to keep and display; {@code fallback} when nothing usable is left. */
    public static String normalise(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        text = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(FileNames::allowed).forEach(kept::appendCodePoint);
        String clean = kept.toString().replaceAll("[<>:\"|?*]", "_").strip().replaceAll("[.\\s]+$", "");
        return clean.isEmpty() ? fallback : capped(clean);
    }

    private static boolean allowed(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }

    private static String capped(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        int end = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--; // never cut a character in two
        }
        return name.substring(0, end).strip() + extension;
    }
}
