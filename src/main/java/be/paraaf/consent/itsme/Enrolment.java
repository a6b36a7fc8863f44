package be.paraaf.consent.itsme;

/**
 * What the app sends to enrol: the person's phone number and national register number, the device's
 * public key (base64 SubjectPublicKeyInfo, EC P-256), the chosen 5-digit secret code, and the device's
 * signature over {@link DeviceSignatures#enrolment} (proof that the app holds the device key).
 */
public record Enrolment(String phone, String nationalRegisterNumber, String devicePublicKey, String code,
        String proofOfPossession) {

    @Override
    public String toString() {
        return "Enrolment[phone=" + phone + ", nationalRegisterNumber=" + nationalRegisterNumber + "]";
    }
}
