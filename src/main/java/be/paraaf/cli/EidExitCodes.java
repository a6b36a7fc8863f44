package be.paraaf.cli;

import be.paraaf.agent.CardException;
import be.paraaf.agent.ServerProblemException;
import java.io.PrintWriter;

/**
 * Exit codes of the eID commands, one per situation a script or a desktop wrapper reacts to differently.
 * 1 and 2 keep {@link ParaafCli}'s meaning (failure, invalid usage).
 */
final class EidExitCodes {

    static final int OK = 0;
    static final int FAILURE = ParaafCli.EXIT_FAILURE;
    static final int USAGE = ParaafCli.EXIT_USAGE;
    /** No PKCS#11 module, no card in the reader / no virtual card, or no Signature key on it. */
    static final int NO_CARD = 3;
    /** The PIN was wrong; the card is not blocked yet. */
    static final int WRONG_PIN = 4;
    /** The card is blocked (now or already). */
    static final int BLOCKED = 5;
    /** The server refused or could not be reached. */
    static final int SERVER_PROBLEM = 6;
    /** The prepared signature (or the citizen's login) expired before it was completed: run (log in) again. */
    static final int EXPIRED = 7;

    static final String DESCRIPTION = "Exit codes: 0 signed, 1 failure, 2 invalid usage, 3 no module/card/key, "
            + "4 wrong PIN, 5 card blocked, 6 server problem, 7 prepared signature expired.";
    static final String LOGIN_DESCRIPTION = "Exit codes: 0 logged in, 1 failure, 2 invalid usage, 3 no "
            + "module/card/key, 4 wrong PIN, 5 card blocked, 6 server problem or refusal, 7 login expired.";

    private EidExitCodes() {
    }

    /** Prints what happened in words and returns its exit code. */
    static int report(RuntimeException failure, String command, PrintWriter err) {
        int code;
        String message;
        if (failure instanceof CardException card) {
            message = card.getMessage();
            code = switch (card.kind()) {
                case NO_MODULE, NO_TOKEN, NO_SIGNATURE_KEY -> NO_CARD;
                case WRONG_PIN -> WRONG_PIN;
                case BLOCKED -> BLOCKED;
                case CARD_ERROR -> FAILURE;
            };
        } else if (failure instanceof ServerProblemException server) {
            code = server.handleExpired() || server.loginExpired() ? EXPIRED : SERVER_PROBLEM;
            message = (server.handleExpired() ? "The prepared signature expired before it was completed; "
                    + "sign again. " : server.loginExpired() ? "The login expired; start a new one in the browser. "
                    : "The server refused: ") + server.getMessage();
        } else if (failure instanceof IllegalArgumentException) {
            code = USAGE;
            message = failure.getMessage();
        } else {
            code = FAILURE;
            message = String.valueOf(failure.getMessage());
        }
        err.println(command + ": " + message);
        err.flush();
        return code;
    }
}
