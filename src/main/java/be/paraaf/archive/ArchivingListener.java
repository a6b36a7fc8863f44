package be.paraaf.archive;

/**
 * Told when archiving an entry passes each durable step. The service defines none; a crash-consistency test
 * registers one that stops the JVM at a step, so the test's crash points live in the test, not in this code.
 */
@FunctionalInterface
public interface ArchivingListener {

    /** The durable steps of archiving one entry, in order. */
    enum Step {
        /** every blob is stored; no metadata names the entry yet */
        BLOBS_STORED,
        /** the entry's row is written; its transaction has not committed */
        METADATA_WRITTEN,
        /** the entry is committed and will be returned */
        COMMITTED
    }

    void reached(Step step, String entryId);
}
