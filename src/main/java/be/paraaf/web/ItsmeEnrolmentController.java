package be.paraaf.web;

import be.paraaf.InvalidInputException;
import be.paraaf.prepare.Language;
import be.paraaf.request.ItsmeEnrolmentContracts;
import be.paraaf.request.RequestViews.PreparedSignature;
import be.paraaf.signing.SignedDocument;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/** itsme enrolment confirmed with the eID: the citizen signs the itsme contract with the card, in two steps. */
@RestController
class ItsmeEnrolmentController {

    private final ItsmeEnrolmentContracts contracts;

    ItsmeEnrolmentController(ItsmeEnrolmentContracts contracts) {
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
                .body(contracts.prepare(accountId, certificateChain, Language.of(lang)));
    }

    @Operation(summary = "eID step 2: the signature value; the account becomes ACTIVE, the signed contract is returned")
    @PostMapping(path = "/api/itsme/enrolments/{accountId}/contract/complete",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> complete(@PathVariable String accountId, @RequestBody Completion completion) {
        if (completion == null || completion.handle() == null || completion.handle().isBlank()) {
            throw new InvalidInputException("invalid-signature-value", "handle and signatureValue (base64) are required.");
        }
        SignedDocument signed = contracts.complete(accountId, completion.handle(),
                SigningController.signatureValue(completion.signatureValue()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(signed.name(), StandardCharsets.UTF_8).build().toString())
                .body(signed.content());
    }
}
