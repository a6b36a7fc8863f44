package be.paraaf.demo;

import be.paraaf.consent.itsme.AccountState;
import be.paraaf.consent.itsme.EidConfirmation;
import be.paraaf.consent.itsme.ItsmeService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Development-only shortcuts for itsme-style accounts (dev profile, never prod): activate an enrolled
 * account without the eID contract signature (the real path is {@code ItsmeService.confirmEnrolment},
 * called by the signing-request flow after the eID signature), and unlock a locked account (an
 * administrator's action; production has no endpoint for it yet).
 */
@RestController
@DemoOnly
class ItsmeDevController {

    private final ItsmeService itsme;

    ItsmeDevController(ItsmeService itsme) {
        this.itsme = itsme;
    }

    /** Body of the activation: the names the eID would have given. */
    record Activation(String nationalRegisterNumber, String givenName, String surname) {
    }

    record AccountView(String accountId, AccountState state, String certificateSerial) {
    }

    @PostMapping("/api/dev/itsme/accounts/{accountId}/activation")
    AccountView activate(@PathVariable String accountId, @RequestBody Activation activation) {
        EidConfirmation proof;
        try {
            proof = new EidConfirmation(activation.nationalRegisterNumber(), activation.givenName(),
                    activation.surname(), "dev-activation");
        } catch (IllegalArgumentException e) {
            throw new be.paraaf.system.InvalidInputException(be.paraaf.system.ProblemType.INVALID_ACTIVATION,
                    e.getMessage());
        }
        var chain = itsme.confirmEnrolment(accountId, proof);
        return new AccountView(accountId, itsme.state(accountId), chain.get(0).getSerialNumber().toString(16));
    }

    @PostMapping("/api/dev/itsme/accounts/{accountId}/unlock")
    AccountView unlock(@PathVariable String accountId) {
        itsme.unlock(accountId);
        return new AccountView(accountId, itsme.state(accountId), null);
    }
}
