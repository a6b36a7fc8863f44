package be.paraaf.request;

import be.paraaf.identity.NationalRegisterNumber;
import java.util.regex.Pattern;

/**
 * A signer as the agency describes it.
 *
 * @param role e.g. {@code tenant-1}, unique within the request
 * @param nationalRegisterNumber the identity the signing certificate must carry (mod-97 checked)
 * @param consentMethods ITSME, EID or EITHER (default)
 * @param fieldName an existing, empty signature field of the document
 * @param step 1-based; signers sharing a step sign in parallel, steps follow each other
 * @param language nl, fr or en: the language of this signer's mails (default nl)
 */
public record NewSigner(String role, String name, String nationalRegisterNumber, String phone, String email,
        String consentMethods, String fieldName, Integer step, String language) {

    public NewSigner(String role, String name, String nationalRegisterNumber, String phone, String email,
            String consentMethods, String fieldName, Integer step) {
        this(role, name, nationalRegisterNumber, phone, email, consentMethods, fieldName, step, null);
    }

    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]{6,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

    public NewSigner {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("signer role must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("signer " + role + ": name must be 1 to 200 characters");
        }
        if (!NationalRegisterNumber.isValid(nationalRegisterNumber)) {
            throw new IllegalArgumentException("signer " + role + ": nationalRegisterNumber is not a valid Belgian "
                    + "national register number (11 digits, mod-97 check)");
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("signer " + role + ": phone is not a phone number");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("signer " + role + ": email is not an e-mail address");
        }
        ConsentMethods.parse(consentMethods);
        if (fieldName == null || fieldName.isBlank()) {
            throw new IllegalArgumentException("signer " + role + ": fieldName is missing");
        }
        step = step == null ? 1 : step;
        if (step < 1 || step > 100) {
            throw new IllegalArgumentException("signer " + role + ": step must be between 1 and 100");
        }
        language = language == null || language.isBlank() ? "nl" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!language.matches("nl|fr|en")) {
            throw new IllegalArgumentException("signer " + role + ": language must be nl, fr or en");
        }
        name = name.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }

    public NationalRegisterNumber number() {
        return NationalRegisterNumber.parse(nationalRegisterNumber);
    }

    public ConsentMethods methods() {
        return ConsentMethods.parse(consentMethods);
    }
}
