package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.consent.itsme.Approval;
import be.paraaf.consent.itsme.AccountState;
import be.paraaf.consent.itsme.ConsentOutcome;
import be.paraaf.consent.itsme.Enrolment;
import be.paraaf.consent.itsme.EnrolmentResult;
import be.paraaf.consent.itsme.ItsmeService;
import be.paraaf.consent.itsme.PendingConsent;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The itsme-style app's API. Devices authenticate by their enrolled EC P-256 key, not by an API key: the
 * channel endpoints need {@code Paraaf-Device-Time} (Unix seconds) and {@code Paraaf-Device-Signature}
 * (base64 DER ECDSA over {@code DeviceSignatures.channel}); approvals and rejections carry their own
 * device signature over {consent id, hash, nonce}.
 */
@RestController
class ItsmeController {

    static final String TIME_HEADER = "Paraaf-Device-Time";
    static final String SIGNATURE_HEADER = "Paraaf-Device-Signature";

    private final ItsmeService itsme;
    private final ItsmePushChannel channel;

    ItsmeController(ItsmeService itsme, ItsmePushChannel channel) {
        this.itsme = itsme;
        this.channel = channel;
    }

    /** The app's answer: the consent's state after it. */
    record Decision(String consentId, ConsentOutcome.Status status) {
    }

    @PostMapping(path = "/api/itsme/enrolments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EnrolmentResult enrol(@RequestBody Enrolment enrolment) {
        return itsme.enrol(enrolment);
    }

    /** Where the device's account stands (e.g. waiting for the eID confirmation, active, locked). */
    record AccountView(String accountId, AccountState state) {
    }

    @GetMapping("/api/itsme/devices/{deviceId}/account")
    AccountView account(@PathVariable String deviceId, @RequestHeader(TIME_HEADER) long time,
            @RequestHeader(SIGNATURE_HEADER) String signature) {
        String account = itsme.authenticateDevice(deviceId, time, signature);
        return new AccountView(account, itsme.state(account));
    }

    /** Short or long poll ({@code waitSeconds} up to 30) for the device's pending consents. */
    @GetMapping("/api/itsme/devices/{deviceId}/consents/pending")
    List<PendingConsent> pending(@PathVariable String deviceId, @RequestHeader(TIME_HEADER) long time,
            @RequestHeader(SIGNATURE_HEADER) String signature,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        String account = itsme.authenticateDevice(deviceId, time, signature);
        return itsme.awaitPending(account, Duration.ofSeconds(Math.max(0, waitSeconds)));
    }

    /** Server-sent events: every pending consent at once, then each new one as event {@code consent}. */
    @GetMapping(path = "/api/itsme/devices/{deviceId}/consents/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String deviceId, @RequestHeader(TIME_HEADER) long time,
            @RequestHeader(SIGNATURE_HEADER) String signature) {
        String account = itsme.authenticateDevice(deviceId, time, signature);
        return channel.subscribe(account, () -> itsme.pending(account));
    }

    @PostMapping(path = "/api/itsme/devices/{deviceId}/consents/{consentId}/approval",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Decision approve(@PathVariable String deviceId, @PathVariable String consentId, @RequestBody Approval approval) {
        return new Decision(consentId, itsme.approve(deviceId, sameConsent(consentId, approval)).status());
    }

    @PostMapping(path = "/api/itsme/devices/{deviceId}/consents/{consentId}/rejection",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Decision reject(@PathVariable String deviceId, @PathVariable String consentId, @RequestBody Approval rejection) {
        return new Decision(consentId, itsme.reject(deviceId, sameConsent(consentId, rejection)).status());
    }

    private static Approval sameConsent(String consentId, Approval answer) {
        // the consent id the device signed is the one in the body; the path must name the same consent
        if (answer.consentId() != null && !consentId.equals(answer.consentId())) {
            throw new InvalidInputException(ProblemType.CONSENT_ID_MISMATCH,
                    "The consent id in the body differs from the path.");
        }
        return new Approval(consentId, answer.hash(), answer.nonce(), answer.code(), answer.deviceSignature());
    }
}
