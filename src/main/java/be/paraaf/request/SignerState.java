package be.paraaf.request;

/** A signer waits for their step, is invited, may view the document, then signs or declines. */
public enum SignerState {
    WAITING, INVITED, VIEWED, SIGNED, DECLINED;

    /** Invited or viewed: it is this signer's turn. */
    public boolean turn() {
        return this == INVITED || this == VIEWED;
    }
}
