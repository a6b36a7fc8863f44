package be.paraaf.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.paraaf.audit.Actor;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.request.CompletionCertificateService;
import be.paraaf.request.NewRequest;
import be.paraaf.request.RequestException;
import be.paraaf.request.RequestService;
import be.paraaf.request.RequestState;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.request.WebhookService;
import be.paraaf.system.ProblemType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/** The agency's request API as HTTP sees it: keys, bodies and the problems each refusal becomes. */
@WebSliceTest(RequestController.class)
class RequestControllerSliceTest {

    @Autowired
    MockMvc http;

    @Autowired
    ApiClientRepository clients;

    @MockitoBean
    RequestService requests;

    @MockitoBean
    WebhookService webhooks;

    @MockitoBean
    CompletionCertificateService certificates;

    @BeforeEach
    void knowTheClient() {
        SliceApiClient.knownTo(clients);
    }

    @Test
    void withoutAKeyTheAnswerIsA401ProblemThatSaysHowToSendOne() throws Exception {
        problem(http.perform(get("/api/requests/r-1")), 401, "unauthenticated")
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"paraaf\""))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer <key>")));
        verifyNoInteractions(requests);
    }

    @Test
    void anUnknownKeyIsA401ThatSaysItIsNotRecognised() throws Exception {
        problem(http.perform(get("/api/requests/r-1").header("X-API-Key", "not-a-key")), 401, "unauthenticated")
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
    }

    @Test
    void aCreatedRequestAnswers201WithItsLocation() throws Exception {
        when(requests.create(eq(SliceApiClient.CLIENT.id()), any(Actor.class), any(NewRequest.class))).thenReturn(view("r-9"));

        http.perform(post("/api/requests").header("Authorization", "Bearer " + SliceApiClient.KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"documentId":"d-1","title":"Lease","signers":[{"role":"tenant","name":"Zoë",
                                "nationalRegisterNumber":"85073003328","fieldName":"tenant-1"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/requests/r-9"))
                .andExpect(jsonPath("$.id").value("r-9"))
                .andExpect(jsonPath("$.state").value("DRAFT"));
    }

    @Test
    void aBodyThatIsNoObjectIsA422InWords() throws Exception {
        problem(create("[1, 2]"), 422, "invalid-request")
                .andExpect(jsonPath("$.detail").value("The request body must be a JSON object, not a list."));
        verifyNoInteractions(requests);
    }

    @Test
    void aRequestItsRecordRefusesIsA422WithTheRecordsWords() throws Exception {
        problem(create("{\"title\":\"Lease\",\"signers\":[]}"), 422, "invalid-request")
                .andExpect(jsonPath("$.detail").value("documentId is missing"));
        verifyNoInteractions(requests);
    }

    @Test
    void jsonThatDoesNotParseIsA400WithoutTheParsersText() throws Exception {
        problem(create("{\"title\": "), 400, "bad-request")
                .andExpect(jsonPath("$.detail").value(not(containsString("jackson"))));
        verifyNoInteractions(requests);
    }

    @Test
    void aRefusalOfTheCapabilityKeepsTheStatusOfItsCatalogueEntry() throws Exception {
        when(requests.start(anyString(), any(Actor.class), eq("r-1")))
                .thenThrow(new RequestException(ProblemType.NOT_YOUR_TURN, "Not now."));
        problem(http.perform(post("/api/requests/r-1/start").header("X-API-Key", SliceApiClient.KEY)), 409,
                "not-your-turn").andExpect(jsonPath("$.detail").value("Not now."));
    }

    @Test
    void anUnknownStateInTheListQueryIsA400NamingTheStates() throws Exception {
        problem(http.perform(get("/api/requests?state=lost").header("X-API-Key", SliceApiClient.KEY)), 400,
                "invalid-state").andExpect(jsonPath("$.detail").value(containsString("IN_PROGRESS")));
        verifyNoInteractions(requests);
    }

    @Test
    void aListPageOutOfRangeIsRefusedBeforeTheCapability() throws Exception {
        problem(http.perform(get("/api/requests?size=100000").header("X-API-Key", SliceApiClient.KEY)),
                ProblemType.INVALID_PAGING.status(), "invalid-paging").andExpect(jsonPath("$.maxSize").exists());
        verifyNoInteractions(requests);
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothing() throws Exception {
        when(requests.view(anyString(), anyString()))
                .thenThrow(new IllegalStateException("java.lang.NullPointerException at be.paraaf.X"));
        problem(http.perform(get("/api/requests/r-1").header("X-API-Key", SliceApiClient.KEY)), 500,
                "internal-error").andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
    }

    @Test
    void theCallersOwnIdIsWhatTheCapabilitySees() throws Exception {
        when(requests.view(SliceApiClient.CLIENT.id(), "r-2")).thenReturn(view("r-2"));
        http.perform(get("/api/requests/r-2").header("X-API-Key", SliceApiClient.KEY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value("r-2"));
        verify(requests).view(SliceApiClient.CLIENT.id(), "r-2");
    }

    private ResultActions create(String body) throws Exception {
        return http.perform(post("/api/requests").header("X-API-Key", SliceApiClient.KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The RFC 9457 shape: media type, type URI from the catalogue's slug, its title, the status. */
    static ResultActions problem(ResultActions answer, int status, String slug) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_PREFIX + slug))
                .andExpect(jsonPath("$.title").value(ProblemType.titleOf(slug)))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(noInternalText());
    }

    private static ResultMatcher noInternalText() {
        return jsonPath("$.detail").value(not(containsString("be.paraaf")));
    }

    private static RequestView view(String id) {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        return new RequestView(id, "Lease", "d-1", RequestState.DRAFT, "B-LTA", 0, now.plusSeconds(3600), null, now,
                now, List.of(), List.of(), List.of(), null);
    }
}
