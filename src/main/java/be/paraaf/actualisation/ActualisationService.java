package be.paraaf.actualisation;

import be.paraaf.system.NotFoundException;
import be.paraaf.system.ProblemType;
import be.paraaf.audit.Actor;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.prepare.Language;
import be.paraaf.request.ConsentMethods;
import be.paraaf.request.NewRequest;
import be.paraaf.request.NewSigner;
import be.paraaf.request.RequestService;
import be.paraaf.request.SignerLinks;
import be.paraaf.request.RequestState;
import be.paraaf.request.RequestViews;
import be.paraaf.request.RequestViews.RequestView;
import be.paraaf.request.SigningRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wonen-in-Vlaanderen actualisation: a housing company asks a candidate tenant, by national register number,
 * whether they stay on the waiting list for social housing. The candidate logs in (eID or itsme), chooses STAY or
 * WITHDRAW and signs the confirmation rendered from that choice. The confirmation is an ordinary signing request
 * with the candidate as its one signer, so consent, identity binding, audit trail, webhooks and archiving are the
 * request's. A new choice before signing cancels the unsigned confirmation; a signed one is final.
 */
@Service
public class ActualisationService {

    /** Answers are accepted until the end of the due date, in Belgian time. */
    public static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");
    /** How long a candidate has to sign the confirmation once they chose (never past the due date). */
    static final Duration SIGNING_TIME = Duration.ofDays(7);
    static final String TEMPLATE = "actualisation";
    static final String ROLE = "candidate";
    private static final Pattern DOSSIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._ -]{0,63}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RequestService requests;
    private final DocumentService documents;
    private final Clock clock;
    private final SignerLinks signerLinks;

    ActualisationService(JdbcClient jdbc, RequestService requests, DocumentService documents, Clock clock,
            SignerLinks signerLinks) {
        this.signerLinks = signerLinks;
        this.jdbc = jdbc;
        this.requests = requests;
        this.documents = documents;
        this.clock = clock;
    }

    /** Where an actualisation stands, derived from its latest confirmation request. */
    public enum Status {
        /** Waiting for the candidate's choice. */
        OPEN,
        /** The candidate chose; the confirmation waits for their signature. */
        AWAITING_SIGNATURE,
        /** Signed: the candidate stays on the waiting list. */
        STAYS,
        /** Signed: the candidate withdraws. */
        WITHDRAWN,
        /** The due date passed without a signed answer. */
        OVERDUE
    }

    /** What the housing company registers. */
    public record NewActualisation(String nationalRegisterNumber, String name, String dossierNumber,
            String housingCompany, LocalDate dueDate, String language) {

        public NewActualisation {
            if (!NationalRegisterNumber.isValid(nationalRegisterNumber)) {
                throw new IllegalArgumentException("nationalRegisterNumber is not a valid Belgian national register "
                        + "number (11 digits, mod-97 check)");
            }
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("name must be 1 to 200 characters");
            }
            if (dossierNumber == null || !DOSSIER.matcher(dossierNumber.strip()).matches()) {
                throw new IllegalArgumentException("dossierNumber must be 1 to 64 letters, digits, spaces or / . _ -");
            }
            if (housingCompany != null && housingCompany.length() > 200) {
                throw new IllegalArgumentException("housingCompany must be at most 200 characters");
            }
            if (dueDate == null) {
                throw new IllegalArgumentException("dueDate is missing (ISO date, e.g. 2026-12-31)");
            }
            name = name.strip();
            dossierNumber = dossierNumber.strip();
            housingCompany = housingCompany == null || housingCompany.isBlank() ? null : housingCompany.strip();
            String tag = language == null || language.isBlank() ? "nl" : language.strip().toLowerCase(Locale.ROOT);
            if (!tag.matches("nl|fr|en")) {
                throw new IllegalArgumentException("language must be nl, fr or en");
            }
            language = tag;
        }
    }

    /**
     * One actualisation. The national register number is masked to its last four digits.
     *
     * @param choice STAY or WITHDRAW once chosen (final when signed)
     * @param requestId the latest confirmation request (the agency reads its signed document there)
     * @param decidedAt when the confirmation was signed
     */
    public record ActualisationView(String id, String dossierNumber, String housingCompany, String name,
            String nationalRegisterNumber, LocalDate dueDate, String language, Status status, String choice,
            String requestId, Instant createdAt, Instant decidedAt) {
    }

    /** The answer to a choice: the actualisation and the candidate's personal link to sign the confirmation. */
    public record Decision(ActualisationView actualisation, String signingToken, String signingPage) {
    }

    private record Row(String id, String ownerClientId, String nationalNumber, String name, String dossierNumber,
            String housingCompany, String language, LocalDate dueDate, Instant createdAt, String choice,
            String requestId, int rowVersion) {
    }

    // ------------------------------------------------------------------ the housing company

    public ActualisationView register(String clientId, NewActualisation spec) {
        if (spec.dueDate().isBefore(today())) {
            throw new ActualisationException(ProblemType.INVALID_ACTUALISATION,
                    "dueDate " + spec.dueDate() + " has passed.");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbc.sql("""
                    insert into actualisations (id, owner_client_id, national_number, candidate_name, dossier_number,
                        housing_company, language, due_date, created_at, row_version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(id, clientId, NationalRegisterNumber.parse(spec.nationalRegisterNumber()).value(),
                            spec.name(), spec.dossierNumber(), spec.housingCompany(), spec.language(), spec.dueDate(),
                            now.atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ActualisationException(ProblemType.ACTUALISATION_EXISTS, "Dossier " + spec.dossierNumber()
                    + " already has an actualisation due on " + spec.dueDate() + ".");
        }
        return view(find(id, "owner_client_id", clientId));
    }

    public ActualisationView view(String clientId, String id) {
        return view(find(id, "owner_client_id", clientId));
    }

    public List<ActualisationView> list(String clientId, int page, int size) {
        RequestService.checkPaging(page, size);
        return jdbc.sql("select * from actualisations where owner_client_id = ? order by created_at desc, id "
                        + "offset ? rows fetch next ? rows only")
                .params(clientId, page * size, size).query(ActualisationService::row).list().stream()
                .map(this::view).toList();
    }

    // ------------------------------------------------------------------ the candidate (logged-in citizen)

    /** The candidate's own actualisations, the latest due date first. */
    public List<ActualisationView> forCitizen(String nationalNumber) {
        return jdbc.sql("select * from actualisations where national_number = ? order by due_date desc, id "
                        + "fetch first 50 rows only")
                .param(nationalNumber).query(ActualisationService::row).list().stream().map(this::view).toList();
    }

    /**
     * The candidate's choice: renders the confirmation in {@code language} (null: the one the housing company
     * chose), opens a signing request with the candidate as signer and answers their personal signing token.
     */
    public Decision decide(String nationalNumber, String id, String choice, String language) {
        Row row = find(id, "national_number", nationalNumber);
        String chosen = choice(choice);
        Language lang = Language.of(language == null || language.isBlank() ? row.language() : language);
        Optional<SigningRequest> previous = latestRequest(row);
        Status status = status(row, previous);
        if (status == Status.STAYS || status == Status.WITHDRAWN) {
            throw new ActualisationException(ProblemType.ACTUALISATION_DECIDED,
                    "This actualisation was already signed ("
                    + status + "); contact " + company(row) + " to change it.", Map.of("status", status.name()));
        }
        if (status == Status.OVERDUE) {
            throw new ActualisationException(ProblemType.ACTUALISATION_OVERDUE, "The due date " + row.dueDate()
                    + " has passed; contact " + company(row) + ".", Map.of("status", status.name()));
        }
        Actor candidate = Actor.signer(ROLE, NationalRegisterNumber.parse(nationalNumber));
        previous.filter(request -> request.state().active()).ifPresent(request ->
                requests.cancelOnBehalf(request, candidate, "the candidate made a new choice"));

        DocumentMetadata confirmation = documents.createFromTemplate(row.ownerClientId(), TEMPLATE, lang,
                confirmationInput(row, chosen));
        Instant expires = Instant.ofEpochMilli(Math.min(clock.instant().plus(SIGNING_TIME).toEpochMilli(),
                row.dueDate().plusDays(1).atStartOfDay(BELGIUM).toInstant().toEpochMilli()));
        RequestView created = requests.create(row.ownerClientId(), new NewRequest(confirmation.id(),
                title(lang, row.dossierNumber()), "B-LTA", expires, null, List.of(new NewSigner(ROLE, row.name(),
                        row.nationalNumber(), null, null, ConsentMethods.EITHER.name(), ROLE, 1, lang.tag()))));
        requests.recordEvent(created.id(), "actualisation.chosen", candidate, confirmation.sha256(), Map.of(
                "actualisationId", row.id(), "dossierNumber", row.dossierNumber(), "choice", chosen));
        requests.start(row.ownerClientId(), created.id());
        int updated = jdbc.sql("update actualisations set choice = ?, request_id = ?, row_version = row_version + 1 "
                        + "where id = ? and row_version = ?")
                .params(chosen, created.id(), row.id(), row.rowVersion()).update();
        if (updated != 1) {
            requests.cancel(row.ownerClientId(), created.id());
            throw new ActualisationException(ProblemType.CONCURRENT_CHANGE,
                    "Another choice was made at the same time; reload and choose again.");
        }
        String token = created.signerLinks().get(0).token();
        return new Decision(view(find(id, "national_number", nationalNumber)), token, signerLinks.page(token));
    }

    /** The signed confirmation, once the candidate signed it. */
    public DocumentContent confirmation(String nationalNumber, String id) {
        Row row = find(id, "national_number", nationalNumber);
        Status status = status(row, latestRequest(row));
        if (status != Status.STAYS && status != Status.WITHDRAWN) {
            throw new ActualisationException(ProblemType.ACTUALISATION_NOT_SIGNED,
                    "The confirmation is not signed yet ("
                    + status + ").", Map.of("status", status.name()));
        }
        return requests.document(row.ownerClientId(), row.requestId());
    }

    // ------------------------------------------------------------------ helpers

    private ActualisationView view(Row row) {
        Optional<SigningRequest> request = latestRequest(row);
        Status status = status(row, request);
        boolean decided = status == Status.STAYS || status == Status.WITHDRAWN;
        return new ActualisationView(row.id(), row.dossierNumber(), row.housingCompany(), row.name(),
                RequestViews.mask(NationalRegisterNumber.parse(row.nationalNumber())), row.dueDate(), row.language(),
                status, status == Status.OPEN || status == Status.OVERDUE ? null : row.choice(), row.requestId(),
                row.createdAt(), decided ? request.get().updatedAt() : null);
    }

    private Status status(Row row, Optional<SigningRequest> request) {
        RequestState state = request.map(SigningRequest::state).orElse(null);
        if (state == RequestState.COMPLETED) {
            return "STAY".equals(row.choice()) ? Status.STAYS : Status.WITHDRAWN;
        }
        if (row.dueDate().isBefore(today())) {
            return Status.OVERDUE;
        }
        return state != null && state.active() ? Status.AWAITING_SIGNATURE : Status.OPEN;
    }

    private Optional<SigningRequest> latestRequest(Row row) {
        return row.requestId() == null ? Optional.empty() : requests.findOwned(row.ownerClientId(), row.requestId());
    }

    private Row find(String id, String ownerColumn, String owner) {
        // ownerColumn is one of two constants above, never input
        return jdbc.sql("select * from actualisations where id = ? and " + ownerColumn + " = ?")
                .params(id == null ? "" : id, owner == null ? "" : owner).query(ActualisationService::row).optional()
                .orElseThrow(() -> new NotFoundException(ProblemType.ACTUALISATION_NOT_FOUND,
                        "There is no actualisation " + id + " for you."));
    }

    private ObjectNode confirmationInput(Row row, String choice) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("dossierNumber", row.dossierNumber());
        input.put("name", row.name());
        input.put("nationalNumber", row.nationalNumber());
        input.put("choice", choice);
        input.put("date", today().toString());
        if (row.housingCompany() != null) {
            input.put("housingCompany", row.housingCompany());
        }
        return JSON.valueToTree(input);
    }

    private static String choice(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!value.equals("STAY") && !value.equals("WITHDRAW")) {
            throw new ActualisationException(ProblemType.INVALID_CHOICE,
                    "choice must be STAY (stay on the waiting list) or "
                    + "WITHDRAW (leave it).");
        }
        return value;
    }

    private static String title(Language language, String dossier) {
        String prefix = switch (language) {
            case FR -> "Actualisation dossier ";
            case EN -> "Actualisation file ";
            default -> "Actualisatie dossier ";
        };
        return prefix + dossier;
    }

    private static String company(Row row) {
        return row.housingCompany() == null ? "the housing company" : row.housingCompany();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BELGIUM);
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("owner_client_id"), rs.getString("national_number"),
                rs.getString("candidate_name"), rs.getString("dossier_number"), rs.getString("housing_company"),
                rs.getString("language"), rs.getObject("due_date", LocalDate.class),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("choice"),
                rs.getString("request_id"), rs.getInt("row_version"));
    }
}
