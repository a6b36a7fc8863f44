package be.paraaf.audit;

/**
 * The result of recomputing a request's audit chain.
 *
 * @param firstBrokenSequence the first entry whose stored hash, previous hash or sequence does not match; null if intact
 */
public record ChainVerification(String requestId, boolean intact, int entries, Integer firstBrokenSequence,
        String problem) {

    static ChainVerification intact(String requestId, int entries) {
        return new ChainVerification(requestId, true, entries, null, null);
    }

    static ChainVerification broken(String requestId, int entries, int sequence, String problem) {
        return new ChainVerification(requestId, false, entries, sequence, problem);
    }
}
