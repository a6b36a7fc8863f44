package be.paraaf.consent.itsme;

import be.paraaf.identity.NationalRegisterNumber;

/**
 * Proof that the person confirmed their itsme enrolment with the eID: who signed the itsme contract (the
 * eID Signature certificate's SERIALNUMBER, GIVENNAME, SURNAME, from a TOTAL_PASSED validation) and the
 * SHA-256 of the signed contract, kept with the account as evidence. The signing-request flow builds it
 * after the eID signature; the dev activation endpoint builds one with the contract hash "dev-activation", the
 * demo seeding ({@link DemoItsmeAccountSeeder}) with {@value #DEMO_SEED}: markers, in the evidence, of accounts that no
 * eID confirmed.
 */
public record EidConfirmation(String nationalRegisterNumber, String givenName, String surname,
        String signedContractSha256) {

    /** The "contract hash" of a demo citizen's account, activated at start-up in the dev profile. */
    public static final String DEMO_SEED = "demo-seed";

    public EidConfirmation {
        if (!NationalRegisterNumber.isValid(nationalRegisterNumber)) {
            throw new IllegalArgumentException("not a valid national register number");
        }
        nationalRegisterNumber = NationalRegisterNumber.parse(nationalRegisterNumber).value();
        if (signedContractSha256 == null || !signedContractSha256.matches("[0-9a-f]{64}|dev-activation|" + DEMO_SEED)) {
            throw new IllegalArgumentException("the signed contract's SHA-256 (64 lower-case hex digits) is missing");
        }
    }
}
