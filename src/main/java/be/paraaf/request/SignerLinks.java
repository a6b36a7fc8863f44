package be.paraaf.request;

/**
 * Where a signer's link token leads. The routes belong to the web layer, which implements this port; requests
 * only ask for them, so a page or route that moves changes in one place.
 */
public interface SignerLinks {

    /** The signer API for this token: what the agency hands its own page or the eID agent. */
    String api(String token);

    /** Where step two of an eID signature goes for this token. */
    String eidCompletion(String token);

    /** The signing page for this token, relative to the service. */
    String page(String token);

    /** The signing page for this token as an absolute address, for a mail. */
    String absolutePage(String token);
}
