package be.paraaf.consent.itsme;

/**
 * Where a consent request stands. Only {@link Approved} carries a signature value: the remote key's
 * signature over exactly the data to be signed given to {@link ItsmeSigning#requestConsent}, ready for
 * {@code SigningService.complete}.
 */
public sealed interface ConsentOutcome {

    /** The state as a word, e.g. for JSON: PENDING, APPROVED, REJECTED, EXPIRED, LOCKED. */
    Status status();

    enum Status {
        PENDING, APPROVED, REJECTED, EXPIRED, LOCKED
    }

    record Pending() implements ConsentOutcome {
        public Status status() {
            return Status.PENDING;
        }
    }

    /** @param signatureValue the remote key's signature (for ECDSA: DER), a copy on every call */
    record Approved(byte[] signatureValue) implements ConsentOutcome {
        public Approved {
            signatureValue = signatureValue.clone();
        }

        @Override
        public byte[] signatureValue() {
            return signatureValue.clone();
        }

        public Status status() {
            return Status.APPROVED;
        }
    }

    record Rejected() implements ConsentOutcome {
        public Status status() {
            return Status.REJECTED;
        }
    }

    record Expired() implements ConsentOutcome {
        public Status status() {
            return Status.EXPIRED;
        }
    }

    /** The signer's account was locked (too many wrong codes) before the consent was approved. */
    record Locked() implements ConsentOutcome {
        public Status status() {
            return Status.LOCKED;
        }
    }
}
