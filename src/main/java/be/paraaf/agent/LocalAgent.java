package be.paraaf.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The local signing agent: a tiny HTTP server on {@code 127.0.0.1} that the paraaf pages call, so a citizen signs
 * or logs in with the eID card in one click, without a terminal. The JDK's own HTTP server, no framework.
 *
 * <p>Who may use the card, checked on every request: the {@code Host} must be the loopback address (a page on
 * another site cannot reach it through DNS rebinding); the {@code Origin} must be on the allow-list (the paraaf
 * service the agent was downloaded from), answered with CORS headers for that origin only; signing and login
 * need a pairing token the same origin obtained for this session ({@code POST /v1/session}); and nothing touches
 * the card before the holder confirmed in the agent's own window ({@link ConsentPrompt}) and typed the PIN
 * there. The agent stores nothing; pairings live in memory for {@link #PAIRING_LIFETIME}.
 *
 * <p>Routes: {@code GET /v1/version}; {@code POST /v1/session}; {@code POST /v1/sign} with
 * {@code {"link":"/api/sign/<token>","verificationCode":"…"}}; {@code POST /v1/login} with
 * {@code {"link":"/api/citizen/login/eid/<id>","verificationCode":"…"}}. Errors are RFC 9457 problem documents.
 */
public final class LocalAgent implements AutoCloseable {

    /** The agent's own version, which the pages compare with the one they need. */
    public static final String VERSION = "1.0.0";
    /** The shape of the routes above; a page refuses an agent that speaks an older one. */
    public static final int PROTOCOL = 1;
    public static final Duration PAIRING_LIFETIME = Duration.ofMinutes(30);
    static final String PAIRING_HEADER = "X-Paraaf-Pairing";
    private static final String PROBLEM_BASE = "https://paraaf.be/problems/agent/";
    private static final int MAX_BODY = 8 * 1024;
    private static final Pattern SIGN_PATH = Pattern.compile("/api/sign/[A-Za-z0-9_-]{8,200}");
    private static final Pattern LOGIN_PATH = Pattern.compile("/api/citizen/login/eid/[A-Za-z0-9_-]{1,100}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{3,16}");

    private record Pairing(String origin, Instant expiresAt) {
    }

    /** A refusal with its problem type, status and words. */
    private static final class Refusal extends RuntimeException {

        private final int status;
        private final String slug;
        private final String title;
        private final Integer triesLeft;

        Refusal(int status, String slug, String title, String detail) {
            this(status, slug, title, detail, null);
        }

        Refusal(int status, String slug, String title, String detail, Integer triesLeft) {
            super(detail);
            this.status = status;
            this.slug = slug;
            this.title = title;
            this.triesLeft = triesLeft;
        }
    }

    private final AgentSettings settings;
    private final ConsentPrompt prompt;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pairing> pairings = new ConcurrentHashMap<>();
    /** One card operation at a time: a second page waits for no hidden window. */
    private final ReentrantLock card = new ReentrantLock();

    private LocalAgent(AgentSettings settings, ConsentPrompt prompt, Clock clock) throws IOException {
        this.settings = settings;
        this.prompt = prompt;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 16);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "paraaf-agent-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts listening on 127.0.0.1 at the settings' port. */
    public static LocalAgent start(AgentSettings settings, ConsentPrompt prompt) {
        try {
            LocalAgent agent = new LocalAgent(settings, prompt, Clock.systemUTC());
            agent.server.start();
            return agent;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + settings.port() + " (" + e.getMessage()
                    + "); is another paraaf agent running?", e);
        }
    }

    /** The port it listens on (the settings' port, or the free one picked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            try {
                requireLoopbackHost(exchange.getRequestHeaders().getFirst("Host"));
                boolean allowed = origin != null && settings.allowedOrigins().contains(origin);
                if (origin != null && !allowed) {
                    throw new Refusal(403, "origin-not-allowed", "This page may not use the card",
                            "The paraaf agent answers only " + String.join(", ", settings.allowedOrigins())
                                    + ", not " + origin + ".");
                }
                if (allowed) {
                    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
                    exchange.getResponseHeaders().set("Vary", "Origin");
                }
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                if (method.equals("OPTIONS") && allowed) {
                    exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
                    exchange.getResponseHeaders().set("Access-Control-Allow-Headers",
                            "Content-Type, " + PAIRING_HEADER);
                    exchange.getResponseHeaders().set("Access-Control-Allow-Private-Network", "true");
                    exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                if (method.equals("GET") && path.equals("/v1/version")) {
                    // harmless, and answered without an Origin too: the installer and scripts check the version
                    json(exchange, 200, Map.of("name", "paraaf-agent", "version", VERSION, "protocol", PROTOCOL));
                    return;
                }
                if (!allowed) {
                    throw new Refusal(403, "origin-not-allowed", "Only the paraaf page may use the card",
                            "The request has no Origin: the agent answers the paraaf web page only.");
                }
                if (!method.equals("POST")) {
                    throw new Refusal(405, "method-not-allowed", "Method not allowed", method + " " + path);
                }
                switch (path) {
                    case "/v1/session" -> json(exchange, 200, pair(origin));
                    case "/v1/sign" -> json(exchange, 200, sign(origin, pairedBody(exchange, origin)));
                    case "/v1/login" -> json(exchange, 200, login(origin, pairedBody(exchange, origin)));
                    default -> throw new Refusal(404, "not-found", "No such route", path);
                }
            } catch (Refusal refusal) {
                problem(exchange, refusal);
            } catch (RuntimeException e) {
                problem(exchange, translate(e));
            }
        }
    }

    private void requireLoopbackHost(String host) {
        String expected = ":" + port();
        if (host == null || !(host.equals("127.0.0.1" + expected) || host.equals("localhost" + expected))) {
            throw new Refusal(403, "host-not-allowed", "Wrong host",
                    "The agent answers requests to 127.0.0.1" + expected + " only.");
        }
    }

    private Map<String, Object> pair(String origin) {
        Instant now = clock.instant();
        pairings.values().removeIf(pairing -> pairing.expiresAt().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pairings.put(token, new Pairing(origin, now.plus(PAIRING_LIFETIME)));
        return Map.of("pairingToken", token, "expiresInSeconds", PAIRING_LIFETIME.toSeconds());
    }

    private JsonNode pairedBody(HttpExchange exchange, String origin) throws IOException {
        String token = exchange.getRequestHeaders().getFirst(PAIRING_HEADER);
        Pairing pairing = token == null ? null : pairings.get(token);
        if (pairing == null || !pairing.origin().equals(origin) || pairing.expiresAt().isBefore(clock.instant())) {
            throw new Refusal(401, "pairing-required", "Not paired",
                    "Open a session first (POST /v1/session) from the paraaf page; sessions last "
                            + PAIRING_LIFETIME.toMinutes() + " minutes.");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new Refusal(413, "too-large", "Request too large", "at most " + MAX_BODY + " bytes");
        }
        try {
            JsonNode node = ServiceHttp.JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "bad-request", "Bad request", "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new Refusal(400, "bad-request", "Bad request", "the body is not JSON");
        }
    }

    private Map<String, Object> sign(String origin, JsonNode body) {
        String link = link(origin, body, SIGN_PATH, "/api/sign/<token>");
        String code = verificationCode(body);
        JsonNode request = ServiceHttp.json(new ServiceHttp(URI.create(origin), Duration.ofSeconds(30)).get(link));
        String title = text(request, "requestTitle");
        JsonNode document = request.get("document");
        String documentName = document == null ? null : text(document, "name");
        String signer = text(request, "name");
        return withCard(new ConsentPrompt.Question(ConsentPrompt.Action.SIGN, origin, title, documentName, signer,
                code), CardSigner.SIGNATURE_KEY, (open, chain) -> {
                    CardActions.signThroughLink(URI.create(origin + link), open, chain);
                    return Map.of("status", "SIGNED", "signer", HolderNames.of(chain.get(0)));
                });
    }

    private Map<String, Object> login(String origin, JsonNode body) {
        String link = link(origin, body, LOGIN_PATH, "/api/citizen/login/eid/<id>");
        String code = verificationCode(body);
        CitizenLoginClient client = CitizenLoginClient.forLink(URI.create(origin + link));
        // fetch first: an expired or answered login stops here, before the window asks the PIN for nothing
        CitizenLoginClient.Challenge challenge = client.challenge();
        return withCard(new ConsentPrompt.Question(ConsentPrompt.Action.LOGIN, origin, null, null, null, code),
                CardSigner.AUTHENTICATION_KEY, (open, chain) -> {
                    CitizenLoginClient.Answer answer = CardActions.answerLogin(client, challenge, open, chain);
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("status", answer.status() == null ? "ANSWERED" : answer.status());
                    result.put("holder", HolderNames.of(chain.get(0)));
                    return result;
                });
    }

    @FunctionalInterface
    private interface CardWork {
        Map<String, Object> run(CardSigner signer, List<X509Certificate> chain);
    }

    /** Asks the window, opens the card with the PIN typed there and runs {@code work}; one at a time. */
    private Map<String, Object> withCard(ConsentPrompt.Question question, String keyLabel, CardWork work) {
        if (!card.tryLock()) {
            throw new Refusal(409, "busy", "The agent is busy",
                    "Another request is waiting in the agent's window; finish or close it first.");
        }
        try {
            Pkcs11Module module = settings.card().module(); // no module: say so before asking a PIN for nothing
            Optional<char[]> pin = prompt.ask(question);
            if (pin.isEmpty()) {
                throw new Refusal(409, "declined", "Declined in the agent",
                        "The card holder declined or closed the agent's window; nothing was signed.");
            }
            char[] value = pin.get();
            try (CardSigner signer = settings.card().open(module, value, keyLabel)) {
                return work.run(signer, CardActions.fullChain(signer));
            } finally {
                Arrays.fill(value, '\0');
            }
        } finally {
            card.unlock();
        }
    }

    /** The link's path, given as a path or as an absolute URL of the same origin. */
    private static String link(String origin, JsonNode body, Pattern shape, String expected) {
        String link = text(body, "link");
        if (link != null && link.startsWith(origin + "/")) {
            link = link.substring(origin.length());
        }
        if (link == null || !shape.matcher(link).matches()) {
            throw new Refusal(400, "bad-request", "Bad request", "link must be " + expected + " of " + origin);
        }
        return link;
    }

    private static String verificationCode(JsonNode body) {
        String code = text(body, "verificationCode");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Refusal(400, "bad-request", "Bad request",
                    "verificationCode must be the 3 to 16 letters or digits the page shows");
        }
        return code;
    }

    private static Refusal translate(RuntimeException failure) {
        if (failure instanceof CardException card) {
            Integer tries = card.triesLeft().isPresent() ? card.triesLeft().getAsInt() : null;
            return switch (card.kind()) {
                case WRONG_PIN -> new Refusal(422, "wrong-pin", "Wrong PIN", card.getMessage(), tries);
                case BLOCKED -> new Refusal(423, "card-blocked", "The card is blocked", card.getMessage(), 0);
                case NO_MODULE -> new Refusal(503, "no-middleware", "No eID middleware", card.getMessage());
                case NO_TOKEN, NO_SIGNATURE_KEY -> new Refusal(409, "no-card", "No eID card", card.getMessage());
                case CARD_ERROR -> new Refusal(422, "card-error", "The card refused", card.getMessage());
            };
        }
        if (failure instanceof ServerProblemException server) {
            return new Refusal(502, "service-refused", server.title() == null ? "The paraaf service refused"
                    : server.title(), server.getMessage());
        }
        if (failure instanceof IllegalArgumentException) {
            return new Refusal(400, "bad-request", "Bad request", failure.getMessage());
        }
        return new Refusal(500, "agent-error", "The agent failed", failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    private static void problem(HttpExchange exchange, Refusal refusal) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_BASE + refusal.slug);
        body.put("title", refusal.title);
        body.put("status", refusal.status);
        body.put("detail", refusal.getMessage());
        if (refusal.triesLeft != null) {
            body.put("triesLeft", refusal.triesLeft);
        }
        send(exchange, refusal.status, "application/problem+json", body);
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, Map<String, Object> body)
            throws IOException {
        byte[] bytes = ServiceHttp.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
