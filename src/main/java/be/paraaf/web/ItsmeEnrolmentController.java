package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.consent.itsme.AccountState;
import be.paraaf.persistence.StoredContent;
import be.paraaf.prepare.Language;
import be.paraaf.prepare.RenderedDocument;
import be.paraaf.enrolment.EnrolmentContractService;
import be.paraaf.request.RequestViews.PreparedSignature;
import be.paraaf.signing.SignedDocument;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/** itsme enrolment confirmed with the eID: the citizen signs the itsme contract with the card, in two steps. */
@RestController
class ItsmeEnrolmentController {

    private final EnrolmentContractService contracts;

    ItsmeEnrolmentController(EnrolmentContractService contracts) {
        this.contracts = contracts;
    }

    record Completion(String handle, String signatureValue) {
    }

    @Operation(summary = "eID step 1 of the enrolment: the card's chain in; the itsme contract's data to sign out")
    @PostMapping(path = "/api/itsme/enrolments/{accountId}/contract/prepare",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PreparedSignature> prepare(@PathVariable String accountId,
            @RequestPart("certificateChain") byte[] certificateChain, @RequestParam(defaultValue = "nl") String lang) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(contracts.prepare(accountId, certificateChain, Language.of(lang),
                        LinkBuilder.enrolmentContractCompletion(accountId)));
    }

    @Operation(summary = "The itsme contract to read before confirming with the eID (PDF; the name comes from the card)")
    @GetMapping(path = "/api/itsme/enrolments/{accountId}/contract", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> preview(@PathVariable String accountId, @RequestParam(defaultValue = "nl") String lang) {
        RenderedDocument contract = contracts.preview(accountId, Language.of(lang));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(contract.name(), StandardCharsets.UTF_8).build().toString())
                .body(contract.content());
    }

    /** The agent's answer to the link form: the account and its new state. */
    record Confirmed(String accountId, AccountState state, String contractSha256) {
    }

    @Operation(summary = "Link form of step 1 for `paraaf eid-agent sign --link <base>/api/itsme/enrolments/{id}/contract`",
            description = "As contract/prepare; step 2 answers JSON instead of the PDF.")
    @PostMapping(path = "/api/itsme/enrolments/{accountId}/contract/eid/prepare",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PreparedSignature> prepareForAgent(@PathVariable String accountId,
            @RequestPart("certificateChain") byte[] certificateChain, @RequestParam(defaultValue = "nl") String lang) {
        return ResponseEntity.status(HttpStatus.CREATED).body(contracts.prepare(accountId, certificateChain,
                Language.of(lang), LinkBuilder.enrolmentContractCompletionForAgent(accountId)));
    }

    @Operation(summary = "Link form of step 2: the account becomes ACTIVE; answers its state and the contract's SHA-256")
    @PostMapping(path = "/api/itsme/enrolments/{accountId}/contract/eid/complete",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Confirmed completeForAgent(@PathVariable String accountId, @RequestBody Completion completion) {
        SignedDocument signed = completed(accountId, completion);
        return new Confirmed(accountId, AccountState.ACTIVE, StoredContent.sha256(signed.content()));
    }

    @Operation(summary = "eID step 2: the signature value; the account becomes ACTIVE, the signed contract is returned")
    @PostMapping(path = "/api/itsme/enrolments/{accountId}/contract/complete",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> complete(@PathVariable String accountId, @RequestBody Completion completion) {
        SignedDocument signed = completed(accountId, completion);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(signed.name(), StandardCharsets.UTF_8).build().toString())
                .body(signed.content());
    }

    private SignedDocument completed(String accountId, Completion completion) {
        if (completion == null || completion.handle() == null || completion.handle().isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE,
                    "handle and signatureValue (base64) are required.");
        }
        return contracts.complete(accountId, completion.handle(),
                SigningController.signatureValue(completion.signatureValue()));
    }
}
