package be.paraaf.validation;

/** One sentence in the three languages a Belgian verifier may read: Dutch, French and English. */
public record PlainWords(String nl, String fr, String en) {

    public PlainWords {
        if (nl == null || fr == null || en == null) {
            throw new IllegalArgumentException("a sentence is needed in nl, fr and en");
        }
    }

    /** The sentence in {@code language} (nl, fr or en); Dutch for anything else. */
    public String in(String language) {
        return switch (language == null ? "nl" : language) {
            case "fr" -> fr;
            case "en" -> en;
            default -> nl;
        };
    }
}
