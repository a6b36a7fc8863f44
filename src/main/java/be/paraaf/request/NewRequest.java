package be.paraaf.request;

import be.paraaf.signing.SignatureLevel;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an agency asks for: one of its documents, signed by {@code signers} in steps.
 *
 * @param signatureLevel B-B, B-T, B-LT or B-LTA (default)
 * @param expiresAt null: the configured default lifetime
 * @param callbackUrl http(s) URL that receives the webhooks; null: none
 * @param notificationEmail the agency's address for notices about this request (declined, expired, completed);
 *                          null: none
 * @param notificationLanguage nl, fr or en: the language of those notices (default nl); only with an address
 * @param unsignedFields the document's empty signature fields that no signer fills, named on purpose (every
 *                       other empty field needs a signer); null: none
 */
public record NewRequest(String documentId, String title, String signatureLevel, Instant expiresAt,
        String callbackUrl, List<NewSigner> signers, List<String> unsignedFields, String notificationEmail,
        String notificationLanguage) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public NewRequest(String documentId, String title, String signatureLevel, Instant expiresAt, String callbackUrl,
            List<NewSigner> signers) {
        this(documentId, title, signatureLevel, expiresAt, callbackUrl, signers, null, null, null);
    }

    public NewRequest {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId is missing");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title must be 1 to 200 characters");
        }
        if (signers == null || signers.isEmpty() || signers.size() > 50) {
            throw new IllegalArgumentException("a request needs 1 to 50 signers");
        }
        signers = List.copyOf(signers);
        Set<String> roles = new HashSet<>();
        Set<String> fields = new HashSet<>();
        for (NewSigner signer : signers) {
            if (signer == null) {
                throw new IllegalArgumentException("a signer is null");
            }
            if (!roles.add(signer.role())) {
                throw new IllegalStateException("two signers have the role " + signer.role());
            }
            if (!fields.add(signer.fieldName())) {
                throw new IllegalStateException("two signers would sign in the field " + signer.fieldName());
            }
        }
        unsignedFields = unsignedFields == null ? List.of() : List.copyOf(unsignedFields);
        for (String field : unsignedFields) {
            if (field == null || !FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("unsignedFields must name signature fields (1 to 64 letters, "
                        + "digits, '-' or '_')");
            }
            if (fields.contains(field)) {
                throw new IllegalStateException("field " + field + " is both assigned to a signer and in "
                        + "unsignedFields");
            }
        }
        if (new HashSet<>(unsignedFields).size() != unsignedFields.size()) {
            throw new IllegalStateException("unsignedFields names a field twice");
        }
        level(signatureLevel);
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            callbackUrl = checkedCallback(callbackUrl.strip());
        } else {
            callbackUrl = null;
        }
        title = title.strip();
        notificationEmail = notificationEmail == null || notificationEmail.isBlank() ? null : notificationEmail.strip();
        if (notificationEmail != null && !notificationEmail.matches("[^@\\s]{1,64}@[^@\\s]{1,189}")) {
            throw new IllegalArgumentException("notificationEmail is not an e-mail address");
        }
        notificationLanguage = notificationLanguage == null || notificationLanguage.isBlank() ? null
                : notificationLanguage.strip().toLowerCase(Locale.ROOT);
        if (notificationLanguage != null && !notificationLanguage.matches("nl|fr|en")) {
            throw new IllegalArgumentException("notificationLanguage must be nl, fr or en");
        }
        if (notificationLanguage != null && notificationEmail == null) {
            throw new IllegalStateException("notificationLanguage is set but there is no notificationEmail to write to");
        }
    }

    public SignatureLevel level() {
        return level(signatureLevel);
    }

    private static SignatureLevel level(String text) {
        return text == null || text.isBlank() ? SignatureLevel.B_LTA : SignatureLevel.parse(text);
    }

    private static String checkedCallback(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("callbackUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null
                || url.length() > 2000) {
            throw new IllegalArgumentException("callbackUrl must be an http or https URL with a host (and no "
                    + "user info), at most 2000 characters");
        }
        return url;
    }
}
