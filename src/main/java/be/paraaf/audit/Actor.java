package be.paraaf.audit;

import be.paraaf.identity.NationalRegisterNumber;

/**
 * Who caused an audit event: an agency (API client), a signer (by role and masked national register number)
 * or the service itself (jobs, webhook delivery). Rendered as one string, e.g. {@code signer:tenant-1:*******3328}.
 */
public record Actor(String value) {

    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("actor must be 1 to 200 characters");
        }
    }

    public static Actor agency(String clientId) {
        return new Actor("agency:" + clientId);
    }

    /** A signer; the national register number is masked to its last four digits. */
    public static Actor signer(String role, NationalRegisterNumber number) {
        return new Actor("signer:" + role + ":" + mask(number));
    }

    static String mask(NationalRegisterNumber number) {
        String digits = number.value();
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }
}
