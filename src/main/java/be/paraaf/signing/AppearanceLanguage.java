package be.paraaf.signing;

import java.util.Locale;

/** The language of a visible signature's text; a Dutch lease gets "Ondertekend door …". */
public enum AppearanceLanguage {
    NL("Ondertekend door", "met"),
    FR("Signé par", "avec"),
    EN("Signed by", "with");

    private final String signedBy;
    private final String with;

    AppearanceLanguage(String signedBy, String with) {
        this.signedBy = signedBy;
        this.with = with;
    }

    String signedBy() {
        return signedBy;
    }

    String with() {
        return with;
    }

    /** nl, fr or en (case-insensitive); null or blank is English. */
    public static AppearanceLanguage parse(String code) {
        if (code == null || code.isBlank()) {
            return EN;
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("appearance language must be nl, fr or en, not '" + code + "'");
        }
    }
}
