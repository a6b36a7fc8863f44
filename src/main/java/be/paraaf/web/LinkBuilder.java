package be.paraaf.web;

import be.paraaf.citizen.CitizenLinks;
import be.paraaf.request.SignerLinks;
import be.paraaf.system.ParaafProperties;
import be.paraaf.validation.ReportKind;
import be.paraaf.validation.ReportLinks;
import org.springframework.stereotype.Component;

/**
 * The one place that spells the routes domain code hands out (in JSON answers and mails): the capabilities ask
 * through their ports, and the routes here are those of the controllers beside it ({@link SignerController},
 * {@link ValidationController}, {@link CitizenController}) and of the signer page {@code static/sign.html}.
 */
@Component
public class LinkBuilder implements SignerLinks, ReportLinks, CitizenLinks {

    private final ParaafProperties paraaf;

    public LinkBuilder(ParaafProperties paraaf) {
        this.paraaf = paraaf;
    }

    @Override
    public String api(String token) {
        return "/api/sign/" + token;
    }

    @Override
    public String eidCompletion(String token) {
        return "/api/sign/" + token + "/eid/complete";
    }

    @Override
    public String page(String token) {
        return "/sign.html?token=" + token;
    }

    @Override
    public String absolutePage(String token) {
        return paraaf.publicBaseUrl().toString().replaceAll("/+$", "") + page(token);
    }

    @Override
    public String report(String validationId, ReportKind kind) {
        return "/api/validations/" + validationId + "/reports/" + kind.slug();
    }

    @Override
    public String pdfReport(String validationId) {
        return "/api/validations/" + validationId + "/report.pdf";
    }

    @Override
    public String signedPage(String validationId, int signature, int page) {
        return pagePicture(validationId, signature, page) + "/signed.png";
    }

    @Override
    public String currentPage(String validationId, int signature, int page) {
        return pagePicture(validationId, signature, page) + "/current.png";
    }

    private static String pagePicture(String validationId, int signature, int page) {
        return "/api/validations/" + validationId + "/signatures/" + signature + "/pages/" + page;
    }

    @Override
    public String agentChallenge(String challengeId) {
        return paraaf.baseUrl() + "/api/citizen/login/eid/" + challengeId;
    }

    /** Step two of the itsme enrolment contract, as the citizen page posts it. */
    static String enrolmentContractCompletion(String accountId) {
        return "/api/itsme/enrolments/" + accountId + "/contract/complete";
    }

    /** Step two of the itsme enrolment contract in the local agent's link form (answers JSON). */
    static String enrolmentContractCompletionForAgent(String accountId) {
        return "/api/itsme/enrolments/" + accountId + "/contract/eid/complete";
    }
}
