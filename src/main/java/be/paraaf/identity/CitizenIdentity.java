package be.paraaf.identity;

import be.paraaf.identity.NationalRegisterNumber;

/** Who a demo citizen certificate is about: names as printed on the eID card and the national number. */
public record CitizenIdentity(String givenName, String surname, NationalRegisterNumber nationalRegisterNumber) {

    public CitizenIdentity {
        givenName = requireName("given name", givenName);
        surname = requireName("surname", surname);
        if (nationalRegisterNumber == null) {
            throw new IllegalArgumentException("national register number is missing");
        }
    }

    /** "Jan Peeters", the part before "(Signature)" in the CN. */
    public String fullName() {
        return givenName + " " + surname;
    }

    private static String requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        // control characters would break the index file and have no place in a DN
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " contains control characters");
        }
        if (value.length() > 64) {
            throw new IllegalArgumentException(what + " is longer than 64 characters");
        }
        return value.strip();
    }
}
