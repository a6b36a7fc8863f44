package be.paraaf.web;

import static be.paraaf.web.RequestControllerSliceTest.problem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.paraaf.request.RequestException;
import be.paraaf.request.RequestState;
import be.paraaf.request.RequestViews.SignerOutcome;
import be.paraaf.request.SignerActionService;
import be.paraaf.request.SignerState;
import be.paraaf.system.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A signer's personal link as HTTP sees it: the token is the credential, bad bodies are 400s in words. */
@WebSliceTest(SignerController.class)
class SignerControllerSliceTest {

    private static final String TOKEN = "tok-0123456789abcdef";

    @Autowired
    MockMvc http;

    @MockitoBean
    SignerActionService signers;

    @Test
    void aLinkNeedsNoApiKey() throws Exception {
        http.perform(get("/api/sign/" + TOKEN)).andExpect(status().isOk());
        verify(signers).info(TOKEN);
    }

    @Test
    void aTokenThatActsOutOfTurnGetsTheCataloguesStatus() throws Exception {
        when(signers.info(TOKEN)).thenThrow(new RequestException(ProblemType.NOT_YOUR_TURN, "Wait for the tenant."));
        problem(http.perform(get("/api/sign/" + TOKEN)), 409, "not-your-turn")
                .andExpect(jsonPath("$.detail").value("Wait for the tenant."));
    }

    @Test
    void aSignatureBySomeoneElseIsA403WithTheIdentityProblem() throws Exception {
        when(signers.prepareEid(eq(TOKEN), any())).thenThrow(new RequestException(
                ProblemType.SIGNER_IDENTITY_MISMATCH, "This card belongs to someone else."));
        problem(http.perform(multipart("/api/sign/" + TOKEN + "/eid/prepare").file(new MockMultipartFile(
                "certificateChain", "chain.pem", "application/x-pem-file", new byte[] {1, 2}))), 403,
                "signer-identity-mismatch");
    }

    @Test
    void stepOneWithoutTheChainIsA400Problem() throws Exception {
        problem(http.perform(multipart("/api/sign/" + TOKEN + "/eid/prepare").file(new MockMultipartFile(
                "chain", "chain.pem", "application/x-pem-file", new byte[] {1}))), 400, "bad-request");
        verifyNoInteractions(signers);
    }

    @Test
    void stepTwoWithoutAHandleIsA400BeforeTheCapability() throws Exception {
        problem(complete("{\"signatureValue\":\"AAEC\"}"), 400, "invalid-signature-value")
                .andExpect(jsonPath("$.detail").value(containsString("handle")));
        verifyNoInteractions(signers);
    }

    @Test
    void stepTwoWithAValueThatIsNoBase64IsA400BeforeTheCapability() throws Exception {
        problem(complete("{\"handle\":\"h-1\",\"signatureValue\":\"not base64!\"}"), 400,
                "invalid-signature-value").andExpect(jsonPath("$.detail").value("signatureValue is not valid base64."));
        verifyNoInteractions(signers);
    }

    @Test
    void stepTwoWithABodyThatDoesNotParseIsA400() throws Exception {
        problem(complete("{\"handle\":"), 400, "bad-request");
        verifyNoInteractions(signers);
    }

    @Test
    void aDeclineWithoutABodyDeclinesWithoutAReason() throws Exception {
        when(signers.decline(TOKEN, null)).thenReturn(new SignerOutcome("tenant", SignerState.DECLINED,
                RequestState.DECLINED, 1, "ab"));
        http.perform(post("/api/sign/" + TOKEN + "/decline"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.requestState").value("DECLINED"));
        verify(signers).decline(TOKEN, null);
    }

    @Test
    void stepTwoHandsTheDecodedValueToTheCapability() throws Exception {
        complete("{\"handle\":\"h-1\",\"signatureValue\":\"AAEC\"}").andExpect(status().isOk());
        verify(signers).completeEid(eq(TOKEN), eq("h-1"), eq(new byte[] {0, 1, 2}));
    }

    private org.springframework.test.web.servlet.ResultActions complete(String body) throws Exception {
        return http.perform(post("/api/sign/" + TOKEN + "/eid/complete").contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
