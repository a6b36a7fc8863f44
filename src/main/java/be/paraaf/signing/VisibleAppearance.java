package be.paraaf.signing;

/**
 * The visible part of a PAdES signature: either an existing empty signature field (by name) or a new
 * rectangle on a page, showing the signer's name, the date and time of signing, how consent was given
 * (e.g. "itsme", "eID card") and optionally an image (PNG or JPEG).
 *
 * @param signerName name to print; when empty, the given name and surname of the signing certificate
 * @param language language of the printed text; null is English
 */
public record VisibleAppearance(String fieldName, Placement placement, String signerName, String consentMethod,
        byte[] image, AppearanceLanguage language) {

    private static final int MAX_IMAGE_BYTES = 1024 * 1024;

    public VisibleAppearance {
        boolean hasField = fieldName != null && !fieldName.isBlank();
        if (hasField == (placement != null)) {
            throw new IllegalStateException("a visible signature needs either a field name or a placement, not both");
        }
        if (image != null && image.length > MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("signature image is larger than 1 MB");
        }
        if (image != null && !isPng(image) && !isJpeg(image)) {
            throw new IllegalArgumentException("signature image must be PNG or JPEG");
        }
        language = language == null ? AppearanceLanguage.EN : language;
    }

    public VisibleAppearance(String fieldName, Placement placement, String signerName, String consentMethod,
            byte[] image) {
        this(fieldName, placement, signerName, consentMethod, image, AppearanceLanguage.EN);
    }

    public static VisibleAppearance inField(String fieldName, String consentMethod) {
        return new VisibleAppearance(fieldName, null, null, consentMethod, null);
    }

    public static VisibleAppearance at(Placement placement, String consentMethod) {
        return new VisibleAppearance(null, placement, null, consentMethod, null);
    }

    private static boolean isPng(byte[] data) {
        return data.length > 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
    }

    private static boolean isJpeg(byte[] data) {
        return data.length > 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8;
    }
}
