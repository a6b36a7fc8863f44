package be.paraaf.trust;

import java.time.Instant;

/**
 * What the last trusted-list refresh (ETSI TS 119 612) left in the verifier.
 *
 * @param lastRefresh when the last refresh (offline at start, or online) finished; {@code null} until the
 *        first online refresh has finished
 * @param loadedLists national trusted lists whose signature is valid and whose services are in use
 * @param rejectedLists trusted lists that were announced but are not used (download, parsing or signature
 *        failed, or the list expired)
 * @param trustedCertificates service certificates the loaded lists contribute as trust anchors
 */
record TrustedListStatus(Instant lastRefresh, int loadedLists, int rejectedLists, int trustedCertificates) {

    static final TrustedListStatus LOADING = new TrustedListStatus(null, 0, 0, 0);

    TrustedListStatus {
        if (loadedLists < 0 || rejectedLists < 0 || trustedCertificates < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    boolean refreshed() {
        return lastRefresh != null;
    }
}
