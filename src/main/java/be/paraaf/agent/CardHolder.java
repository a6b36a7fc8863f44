package be.paraaf.agent;

import be.paraaf.identity.NationalRegisterNumber;

/** The person a (virtual) eID card belongs to, as printed on it. */
public record CardHolder(String givenName, String surname, NationalRegisterNumber nationalRegisterNumber) {

    public CardHolder {
        if (givenName == null || givenName.isBlank() || surname == null || surname.isBlank()) {
            throw new IllegalArgumentException("given name and surname are required");
        }
        if (nationalRegisterNumber == null) {
            throw new IllegalArgumentException("national register number is missing");
        }
        givenName = givenName.strip();
        surname = surname.strip();
    }

    public String fullName() {
        return givenName + " " + surname;
    }
}
