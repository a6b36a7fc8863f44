package be.paraaf.signing;

/**
 * Source of the service's own "paraaf Seal" key, used for one-step seals and evidence. The embedded
 * demo PKI provides one; production configures a key store.
 */
public interface SealCredentials {

    KeyCredential seal();
}
