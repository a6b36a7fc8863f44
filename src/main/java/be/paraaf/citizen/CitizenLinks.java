package be.paraaf.citizen;

/** Where the local eID agent reaches a login challenge; implemented by the web layer, which owns the routes. */
public interface CitizenLinks {

    /** The absolute address of a login challenge, for the agent on the citizen's computer. */
    String agentChallenge(String challengeId);
}
