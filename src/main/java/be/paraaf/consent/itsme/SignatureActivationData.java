package be.paraaf.consent.itsme;

/**
 * Signature Activation Data (CEN EN 419 241-1, SCAL2): a single-use token that authorises the remote key
 * of one account to sign one hash before an expiry. Opaque to everyone but {@link SignatureActivation};
 * never stored in the clear and never sent to a client.
 */
public record SignatureActivationData(String token) {

    public SignatureActivationData {
        if (token == null || !token.matches("[A-Za-z0-9_-]{40,100}")) {
            throw new IllegalArgumentException("malformed signature activation data");
        }
    }

    @Override
    public String toString() {
        return "SignatureActivationData[…]";
    }
}
