package be.paraaf.enrolment;

import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import be.paraaf.consent.itsme.AccountState;
import be.paraaf.consent.itsme.EidConfirmation;
import be.paraaf.consent.itsme.ItsmeService;
import be.paraaf.consent.itsme.ItsmeService.EnrolledAccount;
import be.paraaf.identity.CertificateIdentity;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.persistence.StoredContent;
import be.paraaf.prepare.Language;
import be.paraaf.prepare.RenderedDocument;
import be.paraaf.prepare.TemplateService;
import be.paraaf.request.RequestViews.PreparedSignature;
import be.paraaf.signing.AppearanceLanguage;
import be.paraaf.identity.CertificateChains;
import be.paraaf.signing.CertificationPermission;
import be.paraaf.signing.DocumentInput;
import be.paraaf.signing.HashAlgorithm;
import be.paraaf.signing.PadesSignatureSpec;
import be.paraaf.signing.PendingSignature;
import be.paraaf.signing.SignatureLevel;
import be.paraaf.signing.SignedDocument;
import be.paraaf.signing.SigningPurpose;
import be.paraaf.signing.SigningService;
import be.paraaf.signing.VisibleAppearance;
import be.paraaf.validation.DocumentToValidate;
import be.paraaf.validation.ValidationService;
import be.paraaf.validation.ValidationSummary;
import be.paraaf.validation.Verdict;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * itsme enrolment confirmed with the eID: the citizen signs the itsme enrolment contract (rendered for them)
 * with the card, in two steps. The card's certificate must carry the national register number the account was
 * enrolled with, at prepare and again on the validated signed contract; only then is the account activated
 * with the names on the eID and the SHA-256 of the signed contract as evidence.
 */
@Service
public class EnrolmentContractService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ItsmeService itsme;
    private final TemplateService templates;
    private final SigningService signing;
    private final ValidationService validation;
    private final Clock clock;

    EnrolmentContractService(ItsmeService itsme, TemplateService templates, SigningService signing,
            ValidationService validation, Clock clock) {
        this.itsme = itsme;
        this.templates = templates;
        this.signing = signing;
        this.validation = validation;
        this.clock = clock;
    }

    /**
     * The contract as the citizen will sign it, to read before the card signs: rendered for this account's
     * national number and phone; the name comes from the card at signing, so it reads as a placeholder here.
     */
    public RenderedDocument preview(String accountId, Language language) {
        EnrolledAccount account = awaitingConfirmation(accountId);
        String name = switch (language) {
            case FR -> "(le nom de votre carte eID)";
            case EN -> "(the name on your eID card)";
            default -> "(de naam op uw eID-kaart)";
        };
        return contract(account, name, language);
    }

    /**
     * Step one: renders the contract for this account's holder and prepares the card's signature in it,
     * answering {@code completeUrl} (given by the web layer, which owns the routes) as the place of step two.
     */
    public PreparedSignature prepare(String accountId, byte[] certificateChain, Language language, String completeUrl) {
        EnrolledAccount account = awaitingConfirmation(accountId);
        List<X509Certificate> chain = CertificateChains.parse(certificateChain);
        X509Certificate signer = chain.get(0);
        requireSamePerson(account, CertificateIdentity.nationalNumber(signer).map(NationalRegisterNumber::value)
                .orElse(null));
        RenderedDocument contract = contract(account, CertificateIdentity.holderName(signer), language);
        PadesSignatureSpec spec = new PadesSignatureSpec(SignatureLevel.B_LTA, HashAlgorithm.SHA256,
                new VisibleAppearance("citizen", null, null, "eID", null,
                        AppearanceLanguage.parse(language.name())), "itsme enrolment", null,
                CertificationPermission.parse(null));
        PendingSignature pending = signing.preparePades(new DocumentInput(contract.name(), contract.content()), chain,
                spec, SigningPurpose.itsmeEnrolment(accountId));
        Base64.Encoder base64 = Base64.getEncoder();
        return new PreparedSignature(pending.handle(), base64.encodeToString(pending.dataToSign()),
                base64.encodeToString(pending.digest()), pending.hash().javaName(), pending.signatureAlgorithm(),
                pending.signingTime(), pending.expiresAt(), completeUrl);
    }

    /** Step two: finishes the contract, validates it and activates the account; answers the signed contract. */
    public SignedDocument complete(String accountId, String handle, byte[] signatureValue) {
        EnrolledAccount account = awaitingConfirmation(accountId);
        SignedDocument signed = signing.complete(handle, SigningPurpose.itsmeEnrolment(accountId), signatureValue);
        ValidationSummary summary = validation.validate(new DocumentToValidate(signed.name(), signed.content()));
        ValidationSummary.SignatureSummary signature = summary.signatures().stream()
                .filter(candidate -> "citizen".equals(candidate.signatureFieldName())).findFirst()
                .orElseThrow(() -> refused("The signed document is not the itsme enrolment contract."));
        if (signature.verdict() != Verdict.VALID) {
            throw refused("The eID signature on the contract is not valid: " + signature.reason());
        }
        requireSamePerson(account, signature.nationalRegisterNumber());
        String[] names = signature.signerName().split(" ", 2);
        itsme.confirmEnrolment(accountId, new EidConfirmation(account.nationalRegisterNumber(), names[0],
                names.length > 1 ? names[1] : names[0], StoredContent.sha256(signed.content())));
        return signed;
    }

    private RenderedDocument contract(EnrolledAccount account, String name, Language language) {
        return templates.render("itsme-contract", language, JSON.valueToTree(Map.of("name", name,
                "nationalNumber", account.nationalRegisterNumber(), "phone", account.phone(),
                "date", LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Brussels")).toString())));
    }

    private EnrolledAccount awaitingConfirmation(String accountId) {
        EnrolledAccount account = itsme.enrolledAccount(accountId);
        if (account.state() != AccountState.PENDING_EID_CONFIRMATION) {
            throw new EnrolmentException(ProblemType.ITSME_ACCOUNT_NOT_AWAITING_EID,
                    "The itsme account is " + account.state() + ", not awaiting confirmation with the eID.", Map.of());
        }
        return account;
    }

    private static void requireSamePerson(EnrolledAccount account, String nationalNumber) {
        if (!account.nationalRegisterNumber().equals(nationalNumber)) {
            throw new EnrolmentException(ProblemType.SIGNER_IDENTITY_MISMATCH, "The eID card belongs to someone else than "
                    + "the person who enrolled this itsme account.", Map.of());
        }
    }

    private static ParaafException refused(String detail) {
        return new EnrolmentException(ProblemType.ENROLMENT_CONTRACT_REFUSED, detail, Map.of());
    }

}
