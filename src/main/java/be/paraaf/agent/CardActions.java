package be.paraaf.agent;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the holder's side does with an open card, the same from the command line and from the local agent: sign a
 * signing request's document through its personal link (paraaf's two-step signature), or answer a login
 * challenge with the Authentication key.
 */
public final class CardActions {

    private CardActions() {
    }

    /** The card's chain completed up to its root: the card holds the Citizen CA at most. */
    public static List<X509Certificate> fullChain(CardSigner signer) {
        return IssuerCertificates.overHttp(Duration.ofSeconds(10)).complete(signer.certificateChain());
    }

    /**
     * Signs through a personal link ({@code http(s)://host/api/sign/<token>}, or an itsme enrolment's contract
     * link): prepare on the server with {@code chain}, sign on the card, complete. Returns the server's answer.
     */
    public static byte[] signThroughLink(URI link, CardSigner signer, List<X509Certificate> chain) {
        TwoStepClient client = new TwoStepClient(link.resolve("/"));
        // the link's query (e.g. ?lang=fr of an enrolment contract) goes along to prepare
        TwoStepClient.Prepared prepared = client.prepare(link.getRawPath() + "/eid/prepare"
                + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()), null, chain, Map.of());
        byte[] signatureValue = signer.sign(prepared.dataToSign(), prepared.signatureAlgorithm());
        return client.complete(prepared, signatureValue);
    }

    /** Signs the login's challenge with the Authentication key and posts it with {@code chain}. */
    public static CitizenLoginClient.Answer answerLogin(CitizenLoginClient client,
            CitizenLoginClient.Challenge challenge, CardSigner signer, List<X509Certificate> chain) {
        byte[] signature = signer.sign(challenge.bytes(), CitizenLoginClient.signatureAlgorithm(chain.get(0)));
        return client.answer(chain, signature);
    }
}
