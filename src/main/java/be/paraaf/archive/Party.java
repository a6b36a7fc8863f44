package be.paraaf.archive;

import be.paraaf.identity.NationalRegisterNumber;

/**
 * A party to an archived document.
 *
 * @param nationalNumber Belgian national register number (11 digits, mod-97 checked), or {@code null} for a
 *        party without one (a company, a foreign signer)
 * @param role e.g. {@code tenant}, {@code landlord}, {@code agency}
 */
public record Party(String name, String nationalNumber, String role) {

    public Party {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("party name must be 1-200 characters");
        }
        if (role == null || !role.matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) {
            throw new IllegalArgumentException("party role must be 1-64 letters, digits, '-', '_' or spaces");
        }
        if (nationalNumber != null && !nationalNumber.isBlank()) {
            nationalNumber = NationalRegisterNumber.parse(nationalNumber).value();
        } else {
            nationalNumber = null;
        }
    }
}
