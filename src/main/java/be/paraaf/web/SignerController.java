package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.request.RequestViews.ConsentStarted;
import be.paraaf.request.RequestViews.PreparedSignature;
import be.paraaf.request.RequestViews.SignerInfo;
import be.paraaf.request.RequestViews.SignerOutcome;
import be.paraaf.request.SignerActionService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/** A signer's personal link: no API key, the token is the credential and acts only for its own signer. */
@RestController
@RequestMapping("/api/sign/{token}")
class SignerController {

    private final SignerActionService signers;

    SignerController(SignerActionService signers) {
        this.signers = signers;
    }

    record Decline(String reason) {
    }

    record Completion(String handle, String signatureValue) {
    }

    @Operation(summary = "What this signer is asked to sign: request title, role, field, states, document")
    @GetMapping
    SignerInfo info(@PathVariable String token) {
        return signers.info(token);
    }

    @Operation(summary = "The current document (marks the signer VIEWED)")
    @GetMapping(path = "/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> document(@PathVariable String token) {
        return RequestController.pdf(signers.document(token));
    }

    @Operation(summary = "PNG preview of one page of the current document (marks the signer VIEWED)")
    @GetMapping(path = "/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@PathVariable String token, @PathVariable int page,
            @RequestParam(required = false) Integer dpi) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(signers.page(token, page, dpi));
    }

    @Operation(summary = "Decline to sign: the request becomes DECLINED")
    @PostMapping("/decline")
    SignerOutcome decline(@PathVariable String token, @RequestBody(required = false) Decline decline) {
        return signers.decline(token, decline == null ? null : decline.reason());
    }

    @Operation(summary = "eID step 1: the card's signature certificate chain in, the data to sign out")
    @PostMapping(path = "/eid/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PreparedSignature> prepareEid(@PathVariable String token,
            @RequestPart("certificateChain") byte[] certificateChain) {
        return ResponseEntity.status(HttpStatus.CREATED).body(signers.prepareEid(token, certificateChain));
    }

    @Operation(summary = "eID step 2: the signature value; the document gets the signature, the request moves on")
    @PostMapping(path = "/eid/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    SignerOutcome completeEid(@PathVariable String token, @RequestBody Completion completion) {
        if (completion == null || completion.handle() == null || completion.handle().isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_SIGNATURE_VALUE,
                    "handle and signatureValue (base64) are required.");
        }
        byte[] value = SigningController.signatureValue(completion.signatureValue());
        return signers.completeEid(token, completion.handle(), value);
    }

    @Operation(summary = "Sign with itsme: starts the push consent; show the verification code to the signer")
    @PostMapping("/itsme")
    ResponseEntity<ConsentStarted> itsme(@PathVariable String token) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(signers.startRemoteConsent(token));
    }
}
