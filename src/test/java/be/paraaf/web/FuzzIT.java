package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.demo.DemoStaff;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.DemoData;
import be.paraaf.support.HostilePdfs;
import be.paraaf.support.Multipart;
import be.paraaf.support.RawHttp;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.StaffClient;
import be.paraaf.support.TestDocs;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input against every endpoint family: mutated PDFs, broken multipart, wrong JSON shapes, bad paths and
 * %-encodings, mutated DER and XML. Seeded (the seed is printed; {@code -Dparaaf.fuzz.seed=…} replays a run), bounded
 * (a few hundred cases per family) and on loopback only. Every answer must be below 500, arrive within 15 s, name no
 * Java class or stack frame, and every 4xx must be an RFC 9457 problem with type, title, status and detail.
 */
class FuzzIT extends ServiceIT {

    private static final long SEED = Long.getLong("paraaf.fuzz.seed", 20260518L);
    private static final Duration SLOW = Duration.ofSeconds(15);
    private static final Pattern LEAK = Pattern.compile("\\b(java|javax|jakarta|org\\.springframework|org\\.apache"
            + "|eu\\.europa|tools\\.jackson|com\\.fasterxml|org\\.bouncycastle|sun)\\.[a-z]|Exception\\b|\\bat be\\.paraaf"
            + "|\\.java:\\d+");
    private static final String KEY = DemoClients.WOONPUNT_KEY;
    private static final RawHttp HTTP = new RawHttp(PORT, Duration.ofSeconds(30));

    private static Fixtures fixtures;

    /** What the cases start from, made once after the service is up. */
    private record Fixtures(byte[] pdf, byte[] sealedPdf, byte[] xml, byte[] sealedXml, byte[] chainPem,
            byte[] rootDer, byte[] ocspRequest, byte[] timeStampQuery, String documentId, String signerToken,
            String citizenSession, String itsmeAccount, String staffCookie, String csrfToken, String staffRequestId) {
    }

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    private int cases;

    @BeforeEach
    void prepareFixtures() throws Exception {
        System.out.println("FuzzIT seed " + SEED + " (replay with -Dparaaf.fuzz.seed=" + SEED + ")");
        if (fixtures != null) {
            return;
        }
        byte[] pdf = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<contract id=\"c1\"><party role=\"tenant\">An</party>"
                .concat("<rent currency=\"EUR\">750</rent></contract>\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> sealedPdf = CLIENT.post("/api/seals?level=B-B", new Multipart()
                .file("document", "contract.pdf", "application/pdf", pdf), KEY);
        HttpResponse<byte[]> sealedXml = CLIENT.post("/api/seals?level=B-B", new Multipart()
                .file("document", "contract.xml", "application/xml", xml), KEY);
        assertThat(sealedPdf.statusCode()).as(TwoStepFlow.body(sealedPdf)).isEqualTo(200);
        assertThat(sealedXml.statusCode()).as(TwoStepFlow.body(sealedXml)).isEqualTo(200);
        String nationalNumber = NationalRegisterNumber.withCheck("880808123", false).value();
        Citizen citizen = CLIENT.issueCitizen("Fien", "Fuzz", nationalNumber);
        byte[] rootDer = CLIENT.get("/pki/ca/root.crt").body();
        X509CertificateHolder root = new X509CertificateHolder(rootDer);
        byte[] ocsp = new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder()
                .build().get(CertificateID.HASH_SHA1), root, BigInteger.TEN)).build().getEncoded();
        byte[] tsq = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(pdf)).getEncoded();
        HttpResponse<byte[]> uploaded = CLIENT.post("/api/documents", new Multipart()
                .file("document", "contract.pdf", "application/pdf", pdf), KEY);
        String documentId = ServiceClient.json(uploaded).get("id").asString();
        String token = DemoData.startedRequest(CLIENT, "Fuzz", "Fien Fuzz", nationalNumber, "EITHER").token();
        JsonNode citizens = DemoData.citizens(CLIENT);
        String account = citizens.size() > 0 && citizens.get(0).has("itsme") && !citizens.get(0).get("itsme").isNull()
                ? citizens.get(0).get("itsme").get("accountId").asString() : "no-account";
        StaffClient staff = StaffClient.login(CLIENT, DemoStaff.WOONPUNT_ADMIN);
        // the staff family's own request: its signer actions (a new link, a replacement) must not touch the token
        String staffRequestId = DemoData.startedRequest(CLIENT, "Fuzz staff", "Sam Staff", NationalRegisterNumber
                .withCheck("770707123", false).value(), "EITHER").id();
        fixtures = new Fixtures(pdf, sealedPdf.body(), xml, sealedXml.body(), TwoStepFlow.pem(citizen.chain()),
                rootDer, ocsp, tsq, documentId, token, citizenSession(citizen), account, staff.cookie(),
                staff.session().get("csrfToken").asString(), staffRequestId);
    }

    // ---------------------------------------------------------------------------------------------- PDF

    /** Upload, validation, seal, time-stamp, extension and two-step prepare of damaged and hostile PDFs. */
    @Test
    void damagedPdfsAreRefusedWithAProblem() {
        List<byte[]> documents = new ArrayList<>(HostilePdfs.crafted(fixtures.pdf()));
        for (int i = 0; i < 30; i++) {
            documents.add(HostilePdfs.mutate(random.nextBoolean() ? fixtures.pdf() : fixtures.sealedPdf(), random));
        }
        for (String endpoint : List.of("/api/documents", "/api/validations", "/api/seals?level=B-B", "/api/timestamps",
                "/api/extensions?level=B-T", "/api/signatures/pades/prepare?level=B-B")) {
            for (byte[] document : documents) {
                Multipart body = new Multipart().file("document", "fuzz.pdf", "application/pdf", document);
                if (endpoint.contains("prepare")) {
                    body.file("certificateChain", "chain.pem", "application/x-pem-file", fixtures.chainPem());
                }
                multipart("pdf", endpoint, body);
            }
        }
        report("pdf");
    }

    // ---------------------------------------------------------------------------------------------- multipart

    /** Every upload endpoint with a body that is not well-formed multipart/form-data. */
    @Test
    void brokenMultipartIsRefusedWithAProblem() {
        for (String endpoint : uploadEndpoints()) {
            for (Map.Entry<String, Function<Multipart, RawBody>> malformation : multipartMalformations().entrySet()) {
                Multipart good = new Multipart().file(partName(endpoint), "fuzz.pdf", "application/pdf", fixtures.pdf())
                        .file("certificateChain", "chain.pem", "application/x-pem-file", fixtures.chainPem());
                RawBody raw = malformation.getValue().apply(good);
                Map<String, String> headers = new LinkedHashMap<>(authHeaders(endpoint));
                if (raw.contentType() != null) {
                    headers.put("Content-Type", raw.contentType());
                }
                headers.putAll(raw.headers());
                check("multipart", malformation.getKey() + " " + endpoint,
                        HTTP.send("POST", endpoint, headers, raw.body()));
            }
            for (int i = 0; i < 10; i++) {
                Multipart good = new Multipart().file(partName(endpoint), "fuzz.pdf", "application/pdf", fixtures.pdf());
                byte[] body = flip(good.bytes(), 1 + random.nextInt(8), 0, 300);
                Map<String, String> headers = new LinkedHashMap<>(authHeaders(endpoint));
                headers.put("Content-Type", good.contentType());
                check("multipart", "flipped head " + i + " " + endpoint, HTTP.send("POST", endpoint, headers, body));
            }
        }
        report("multipart");
    }

    private static List<String> uploadEndpoints() {
        return List.of("/api/documents", "/api/validations", "/api/seals", "/api/timestamps", "/api/extensions",
                "/api/signatures/pades/prepare", "/api/signatures/xades/prepare", "/api/archive",
                "/api/citizen/login/eid", "/api/citizen/login/eid/no-such-login",
                "/api/sign/" + fixtures.signerToken() + "/eid/prepare",
                "/api/itsme/enrolments/" + fixtures.itsmeAccount() + "/contract/prepare",
                "/api/itsme/enrolments/" + fixtures.itsmeAccount() + "/contract/eid/prepare");
    }

    private static String partName(String endpoint) {
        return endpoint.contains("/sign/") || endpoint.contains("/citizen/") || endpoint.contains("/itsme/")
                ? "certificateChain" : "document";
    }

    private record RawBody(String contentType, Map<String, String> headers, byte[] body) {

        RawBody(String contentType, byte[] body) {
            this(contentType, Map.of(), body);
        }
    }

    private Map<String, Function<Multipart, RawBody>> multipartMalformations() {
        Map<String, Function<Multipart, RawBody>> all = new LinkedHashMap<>();
        all.put("no boundary", m -> new RawBody("multipart/form-data", m.bytes()));
        all.put("empty boundary", m -> new RawBody("multipart/form-data; boundary=", m.bytes()));
        all.put("other boundary", m -> new RawBody("multipart/form-data; boundary=not-the-one", m.bytes()));
        all.put("unterminated", m -> new RawBody(m.contentType(), cut(m.bytes(), m.bytes().length - 40)));
        all.put("cut in the head", m -> new RawBody(m.contentType(), cut(m.bytes(), 60)));
        all.put("only the boundary", m -> new RawBody(m.contentType(), ("--" + boundary(m) + "\r\n").getBytes(
                StandardCharsets.US_ASCII)));
        all.put("empty body", m -> new RawBody(m.contentType(), new byte[0]));
        all.put("NUL in file name", m -> new RawBody(m.contentType(), replace(m.bytes(), "fuzz.pdf", "fu\0zz.pdf")));
        all.put("CR in file name", m -> new RawBody(m.contentType(), replace(m.bytes(), "fuzz.pdf", "fu\rzz.pdf")));
        all.put("unquoted file name", m -> new RawBody(m.contentType(), replace(m.bytes(), "\"fuzz.pdf\"",
                "fuzz;name=x.pdf")));
        all.put("no content disposition", m -> new RawBody(m.contentType(), replace(m.bytes(),
                "Content-Disposition", "Content-Dispersion")));
        all.put("encoded file name", m -> new RawBody(m.contentType(), replace(m.bytes(), "filename=\"fuzz.pdf\"",
                "filename*=UTF-8''%ff%fe%00.pdf")));
        all.put("huge header line", m -> new RawBody(m.contentType(), replace(m.bytes(), "fuzz.pdf",
                "x".repeat(70_000) + ".pdf")));
        all.put("bad charset", m -> new RawBody(m.contentType() + "; charset=no-such-charset", m.bytes()));
        all.put("length too short", m -> new RawBody(m.contentType(), Map.of("Content-Length", "100"), m.bytes()));
        all.put("length too long", m -> new RawBody(m.contentType(), Map.of("Content-Length",
                String.valueOf(m.bytes().length + 500)), m.bytes()));
        all.put("bad length", m -> new RawBody(m.contentType(), Map.of("Content-Length", "-5"), m.bytes()));
        all.put("no content type", m -> new RawBody(null, m.bytes()));
        all.put("form urlencoded", m -> new RawBody("application/x-www-form-urlencoded", "document=%ff%fe"
                .getBytes(StandardCharsets.US_ASCII)));
        all.put("json instead", m -> new RawBody("application/json", "null".getBytes(StandardCharsets.US_ASCII)));
        all.put("bad chunking", m -> new RawBody(m.contentType(), Map.of("Transfer-Encoding", "chunked",
                "Content-Length", "0"), "zz\r\nabc\r\n".getBytes(StandardCharsets.US_ASCII)));
        return all;
    }

    private static String boundary(Multipart multipart) {
        return multipart.contentType().substring(multipart.contentType().indexOf('=') + 1);
    }

    // ---------------------------------------------------------------------------------------------- JSON

    /** Every JSON endpoint with null, wrong shapes, wrong member types, broken and deeply nested JSON. */
    @Test
    void wrongJsonIsRefusedWithAProblem() {
        String token = fixtures.signerToken();
        String account = fixtures.itsmeAccount();
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("/api/requests", """
                {"documentId":"%s","title":"Fuzz","signatureLevel":"B-T","expiresAt":"2030-01-01T00:00:00Z",
                 "notificationLanguage":"fr",
                 "signers":[{"role":"tenant","name":"Fien","nationalRegisterNumber":"88080812345",
                 "consentMethods":"EITHER","fieldName":"tenant-1","step":1}]}""".formatted(fixtures.documentId()));
        seeds.put("/api/actualisations", """
                {"nationalRegisterNumber":"88080812345","name":"Fien","dossierNumber":"D-1",
                 "housingCompany":"Woonpunt","dueDate":"2030-01-01","language":"nl"}""");
        seeds.put("/api/itsme/enrolments", """
                {"phone":"+32470000000","nationalRegisterNumber":"88080812345","devicePublicKey":"AAAA",
                 "code":"1234","proofOfPossession":"AAAA"}""");
        seeds.put("/api/documents/templates/lease?lang=nl", "{\"landlord\":{\"name\":\"A\"},\"tenants\":[]}");
        seeds.put("/api/documents/" + fixtures.documentId() + "/fields",
                "{\"name\":\"f1\",\"page\":1,\"x\":10,\"y\":10,\"width\":100,\"height\":40}");
        seeds.put("/api/templates/lease/render?lang=nl", "{\"landlord\":{\"name\":\"A\"},\"tenants\":[]}");
        seeds.put("/api/signatures/no-such-handle/complete", "{\"signatureValue\":\"AAAA\"}");
        seeds.put("/api/sign/" + token + "/eid/complete", "{\"handle\":\"h\",\"signatureValue\":\"AAAA\"}");
        seeds.put("/api/sign/" + token + "/decline", "{\"reason\":\"no\"}");
        seeds.put("/api/citizen/login/itsme", "{\"nationalRegisterNumber\":\"88080812345\"}");
        seeds.put("/api/citizen/login/eid/no-such-login/session", "{\"pickupToken\":\"t\"}");
        seeds.put("/api/citizen/actualisations/no-such/decision", "{\"choice\":\"STAY\",\"language\":\"nl\"}");
        seeds.put("/api/itsme/devices/no-device/consents/no-consent/approval", """
                {"consentId":"c","hash":"h","nonce":"n","code":"1234","deviceSignature":"AAAA"}""");
        seeds.put("/api/itsme/enrolments/" + account + "/contract/complete", "{\"handle\":\"h\",\"signatureValue\":\"A\"}");
        seeds.put("/api/itsme/enrolments/" + account + "/contract/eid/complete", "{\"handle\":\"h\",\"signatureValue\":\"A\"}");
        seeds.put("/api/dev/pki/credentials", """
                {"givenName":"A","surname":"B","nationalRegisterNumber":"88080812345","password":"p","format":"PKCS12"}""");
        seeds.put("/api/dev/pki/citizen-certificates", """
                {"givenName":"A","surname":"B","nationalRegisterNumber":"88080812345","purpose":"SIGNATURE",
                 "publicKey":"AAAA","csr":null}""");
        seeds.put("/api/dev/pki/certificates/ff/revocation", "{\"reason\":\"keyCompromise\"}");
        seeds.put("/api/dev/itsme/accounts/no-account/activation", """
                {"nationalRegisterNumber":"88080812345","givenName":"A","surname":"B"}""");
        seeds.put("PUT /api/archive/no-such/legal-hold", "{\"legalHold\":true}");
        // the demo's CSC provider, without its client's token (with one, authorize waits for the citizen)
        seeds.put("/csc/v2/credentials/list", "{\"userID\":\"88080812345\"}");
        seeds.put("/csc/v2/credentials/authorize", """
                {"credentialID":"00000000-0000-0000-0000-000000000000","numSignatures":1,
                 "hashes":["AAAA"],"hashAlgorithmOID":"2.16.840.1.101.3.4.2.1","description":"d"}""");
        seeds.put("/csc/v2/signatures/signHash", """
                {"credentialID":"c","SAD":"s","hashes":["AAAA"],"hashAlgorithmOID":"2.16.840.1.101.3.4.2.1",
                 "signAlgo":"1.2.840.10045.4.3.2"}""");
        seeds.forEach((target, seed) -> {
            String method = target.startsWith("PUT ") ? "PUT" : "POST";
            String path = target.replaceFirst("^PUT ", "");
            for (String body : JsonMutations.of(seed, random)) {
                Map<String, String> headers = new LinkedHashMap<>(authHeaders(path));
                headers.put("Content-Type", "application/json");
                check("json", path + " " + abbreviate(body), HTTP.send(method, path, headers,
                        body.getBytes(StandardCharsets.UTF_8)));
            }
            Map<String, String> headers = new LinkedHashMap<>(authHeaders(path));
            headers.put("Content-Type", "application/json");
            check("json", path + " invalid UTF-8", HTTP.send(method, path, headers, new byte[] {'{', '"', (byte) 0xff,
                    (byte) 0xfe, '"', ':', '1', '}'}));
        });
        report("json");
    }

    // ---------------------------------------------------------------------------------------------- paths

    /** Bad %-encodings, traversal, long and odd segments in paths and query strings. */
    @Test
    void oddPathsAndQueriesAreRefusedWithAProblem() {
        List<String> bad = List.of("%ff%fe", "%C0%AE", "%C0%AE%C0%AE", "%", "%zz", "%2", "%00", "%2e%2e", "%2F",
                "%5C", "..", ";x=1", "\\", "//", "%e2%80%ae", "%u0041", "%25", "%0d%0aX-Injected:%201", "%7f", "%c3%28");
        List<String> templates = List.of("/api/documents/{x}", "/api/requests/{x}", "/api/requests?page={x}",
                "/api/requests?size={x}&page=0", "/api/requests?state={x}", "/api/archive?size={x}",
                "/api/archive?from={x}", "/api/archive/{x}", "/api/actualisations?size={x}",
                "/api/citizen/archive?size={x}", "/api/citizen/archive?page={x}", "/api/citizen/requests?size={x}",
                "/api/validations/{x}/reports/{x}", "/api/validations/{x}/report.pdf?lang={x}", "/pki/ocsp/{x}",
                "/pki/crl/{x}.crl", "/pki/ca/{x}.crt", "/api/sign/{x}", "/api/sign/{x}/pages/1.png?dpi={x}",
                "/api/templates?lang={x}", "/{x}", "/api/{x}/..", "/api/documents/{x}/pages/{x}.png",
                "/api/itsme/enrolments/{x}/contract?lang={x}", "/api/citizen/login/itsme/{x}",
                "/api/documents/" + "{x}" + "/content", "/index.html?{x}",
                "/api/sign/" + fixtures.signerToken() + "/pages/1.png?dpi={x}",
                "/api/sign/" + fixtures.signerToken() + "/pages/{x}.png", "/api/archive?requestId={x}");
        List<String> sizes = List.of("0", "-1", "99999999999", "2147483647", "-2147483648", "1e3", "abc", "", "1.5");
        for (String template : templates) {
            List<String> values = new ArrayList<>(bad);
            values.addAll(sizes);
            values.add("a".repeat(9000));
            values.add(randomPrintable(12));
            for (String value : values) {
                String target = template.replace("{x}", value);
                check("paths", "GET " + abbreviate(target), HTTP.send("GET", target, authHeaders(target)
                        .isEmpty() ? citizenHeaders() : authHeaders(target), null));
            }
        }
        for (byte control : new byte[] {0x01, 0x09, 0x7f, (byte) 0x80, (byte) 0xff}) {
            byte[] target = ("/api/documents/ab" + (char) (control & 0xff) + "cd").getBytes(StandardCharsets.ISO_8859_1);
            check("paths", "raw byte " + (control & 0xff), HTTP.send("GET", target, Map.of("X-API-Key", KEY), null));
        }
        report("paths");
    }

    // ---------------------------------------------------------------------------------------------- staff

    /**
     * The staff API with a valid session cookie and CSRF token (so the cases reach the handlers): odd queries of the
     * request search, odd members and signer positions, wrong JSON for members and signer replacement; and the
     * session login itself (without the cookie: a login closes the session it is sent with).
     */
    @Test
    void staffEndpointsRefuseOddInputWithAProblem() {
        assertStaffSessionLives();
        String request = "/api/requests/" + fixtures.staffRequestId();
        List<String> values = new ArrayList<>(List.of("%ff%fe", "%00", "%2e%2e", "%2F", "..", "%0d%0aX-Injected:%201",
                "%e2%80%ae", "%25", "0", "-1", "99999999999", "2147483647", "-2147483648", "1e3", "abc", "", "1.5",
                "%27%20or%201=1--", "%5C%22", "%%", "*", "_"));
        values.add("a".repeat(9000));
        values.add(randomPrintable(12));
        for (String template : List.of("/api/staff/requests?state={x}", "/api/staff/requests?q={x}",
                "/api/staff/requests?page={x}&size=5", "/api/staff/requests?size={x}",
                "/api/staff/requests?q={x}&state=IN_PROGRESS&page={x}", "/api/archive?requestId={x}",
                "GET /api/requests/{x}/audit", "DELETE /api/staff/members/{x}",
                "POST /api/requests/{x}/signers/1/remind",
                "POST " + request + "/signers/{x}/remind", "POST " + request + "/signers/{x}/link")) {
            String method = template.matches("^(GET|POST|DELETE) .*") ? template.substring(0, template.indexOf(' '))
                    : "GET";
            for (String value : values) {
                String target = template.replaceFirst("^(GET|POST|DELETE) ", "").replace("{x}", value);
                check("staff", method + " " + abbreviate(target), HTTP.send(method, target, staffHeaders(), null));
            }
        }
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("PUT /api/staff/members", "{\"nationalRegisterNumber\":\"" + NationalRegisterNumber.withCheck(
                "660606123", false).value() + "\",\"role\":\"clerk\"}");
        seeds.put(request + "/signers/1/replace", """
                {"name":"Tweede Huurder","nationalRegisterNumber":"%s","email":"tweede@example.org","language":"fr"}"""
                .formatted(NationalRegisterNumber.withCheck("770707124", false).value()));
        seeds.put(request + "/signers/1/remind", "{}");
        seeds.put("NOCOOKIE /api/staff/session", "{\"organisation\":\"woonpunt-demo\"}");
        seeds.forEach((target, seed) -> {
            String method = target.startsWith("PUT ") ? "PUT" : "POST";
            String path = target.replaceFirst("^(PUT|NOCOOKIE) ", "");
            for (String body : JsonMutations.of(seed, random)) {
                Map<String, String> headers = new LinkedHashMap<>(target.startsWith("NOCOOKIE ")
                        ? Map.of("Paraaf-Citizen-Session", "no-such-session") : staffHeaders());
                headers.put("Content-Type", "application/json");
                check("staff", path + " " + abbreviate(body), HTTP.send(method, path, headers,
                        body.getBytes(StandardCharsets.UTF_8)));
            }
        });
        for (Map<String, String> headers : List.of(Map.of("Cookie", "paraaf_staff=" + "%ff".repeat(3)),
                Map.of("Cookie", "paraaf_staff=\"" + "x".repeat(5000) + "\""), Map.of("Cookie", "paraaf_staff"),
                Map.of("Cookie", fixtures.staffCookie() + "; paraaf_staff=other"),
                Map.of("Cookie", fixtures.staffCookie(), "X-CSRF-Token", "%00"),
                Map.of("Cookie", fixtures.staffCookie(), "X-CSRF-Token", "x".repeat(5000)),
                Map.of("Cookie", fixtures.staffCookie(), "Paraaf-Background", "\u00ff"))) {
            check("staff", "headers " + abbreviate(headers.toString()), HTTP.send("POST", request + "/signers/1/remind",
                    headers, null));
            check("staff", "GET headers " + abbreviate(headers.toString()), HTTP.send("GET", "/api/staff/session",
                    headers, null));
        }
        assertStaffSessionLives();
        report("staff");
    }

    /** Bulk send with broken multipart, damaged CSV files, wrong 'common' JSON and odd template and language. */
    @Test
    void bulkSendRefusesHostileInputWithAProblem() {
        assertStaffSessionLives();
        String endpoint = "/api/staff/bulk-send?template=lease&lang=nl";
        // a wrong national number in the seed's row: the mutations are checked, and nothing is ever sent
        String csv = "title;tenants[0].name;tenants[0].nationalNumber;tenants[0].birthDate;signer.tenant-1.email;"
                + "signer.agency.nationalRegisterNumber\nFuzz;An Peeters;12345678901;1980-02-03;an@example.org;"
                + DemoStaff.WOONPUNT_ADMIN + "\n";
        byte[] csvBytes = csv.getBytes(StandardCharsets.UTF_8);
        String common = "{\"agency\":{\"name\":\"A\"},\"dwelling\":{\"street\":\"Kouter\"},\"rent\":750}";
        for (Map.Entry<String, Function<Multipart, RawBody>> malformation : multipartMalformations().entrySet()) {
            RawBody raw = malformation.getValue().apply(new Multipart().field("common", common)
                    .file("csv", "fuzz.pdf", "text/csv", csvBytes));
            Map<String, String> headers = new LinkedHashMap<>(staffHeaders());
            if (raw.contentType() != null) {
                headers.put("Content-Type", raw.contentType());
            }
            headers.putAll(raw.headers());
            check("bulk", malformation.getKey(), HTTP.send("POST", endpoint, headers, raw.body()));
        }
        List<byte[]> files = new ArrayList<>(List.of(new byte[0], "\uFEFF".getBytes(StandardCharsets.UTF_8),
                "\"".getBytes(StandardCharsets.UTF_8), "\n\n\n".getBytes(StandardCharsets.UTF_8),
                (";".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8),
                ("a\n" + "\"".repeat(100_001)).getBytes(StandardCharsets.UTF_8),
                (csv + "\"" + "x".repeat(600_000)).getBytes(StandardCharsets.UTF_8),
                csv.replace("\n", "\r").getBytes(StandardCharsets.UTF_8),
                csv.replace(";", ",").getBytes(StandardCharsets.UTF_16), new byte[600 * 1024]));
        for (int i = 0; i < 25; i++) {
            files.add(flip(csvBytes, 1 + random.nextInt(6), 0, csvBytes.length));
        }
        for (byte[] file : files) {
            multipart("bulk", endpoint + " csv " + abbreviate(new String(file, 0, Math.min(file.length, 80),
                    StandardCharsets.ISO_8859_1)), new Multipart().field("common", common)
                    .file("csv", "fuzz.csv", "text/csv", file), staffHeaders());
        }
        for (String body : JsonMutations.of(common, random)) {
            multipart("bulk", endpoint + " common " + abbreviate(body), new Multipart().field("common", body)
                    .file("csv", "fuzz.csv", "text/csv", csvBytes), staffHeaders());
        }
        for (String query : List.of("template=", "template=%ff", "template=../lease", "template=lease&lang=xx",
                "template=lease&lang=%00", "", "template=" + "a".repeat(9000), "template=lease&template=nope")) {
            multipart("bulk", "?" + abbreviate(query), new Multipart().file("csv", "fuzz.csv", "text/csv", csvBytes),
                    "/api/staff/bulk-send?" + query, staffHeaders());
        }
        assertStaffSessionLives();
        report("bulk");
    }

    // ---------------------------------------------------------------------------------------------- zip

    /**
     * Agency template packages: zip slip, absolute paths, a symbolic link, duplicate names, bombs, many entries, a
     * nested zip, names that are no UTF-8, lying sizes, random damage, and a manifest with wrong JSON. Nothing may be
     * written outside the service: the files the traversals name must not exist afterwards.
     */
    @Test
    void hostileTemplatePackagesAreRefusedWithAProblem() throws IOException {
        Map<String, byte[]> packages = new LinkedHashMap<>(HostileZips.crafted());
        List<byte[]> mutated = HostileZips.mutations(15, random);
        for (int i = 0; i < mutated.size(); i++) {
            packages.put("damaged " + i, mutated.get(i));
        }
        String manifest = new String(HostileZips.lease().get("template.json"), StandardCharsets.UTF_8);
        List<String> manifests = JsonMutations.of(manifest, random);
        for (int i = 0; i < manifests.size(); i++) {
            Map<String, byte[]> files = new LinkedHashMap<>(HostileZips.lease());
            files.put("template.json", manifests.get(i).getBytes(StandardCharsets.UTF_8));
            packages.put("manifest " + abbreviate(manifests.get(i)), HostileZips.zip(files));
        }
        packages.forEach((what, zip) -> {
            RawHttp.Response response = HTTP.send("POST", "/api/agency-templates", Map.of("X-API-Key", KEY,
                    "Content-Type", "application/zip"), zip);
            check("zip", what, response);
            if (!what.startsWith("damaged") && !what.startsWith("manifest") && response.status() < 400) {
                failures.add("zip " + what + " → " + response.status() + ": accepted, must be refused");
            }
        });
        for (String contentType : List.of("text/plain", "multipart/form-data; boundary=x", "application/zip; a=\"")) {
            check("zip", contentType, HTTP.send("POST", "/api/agency-templates", Map.of("X-API-Key", KEY,
                    "Content-Type", contentType), HostileZips.zip(Map.of("a.css", new byte[1]))));
        }
        for (Path outside : List.of(Path.of("/tmp/paraaf-zip-slip.css"), Path.of("/tmp/paraaf-absolute.css"),
                Path.of("..", "..", "paraaf-zip-slip.css").toAbsolutePath().normalize())) {
            if (Files.exists(outside)) {
                failures.add("zip: " + outside + " was written");
            }
        }
        report("zip");
    }

    // ---------------------------------------------------------------------------------------------- DER

    /** The demo TSA and OCSP responder and every certificateChain part with damaged and deeply nested DER. */
    @Test
    void damagedDerIsRefusedWithAProblem() {
        List<byte[]> timeStampQueries = derMutations(fixtures.timeStampQuery(), 60);
        List<byte[]> ocspRequests = derMutations(fixtures.ocspRequest(), 60);
        for (byte[] query : timeStampQueries) {
            check("der", "tsa", HTTP.send("POST", "/pki/tsa", Map.of("Content-Type", "application/timestamp-query"),
                    query));
        }
        for (byte[] request : ocspRequests) {
            check("der", "ocsp", HTTP.send("POST", "/pki/ocsp", Map.of("Content-Type", "application/ocsp-request"),
                    request));
            check("der", "ocsp get", HTTP.send("GET", "/pki/ocsp/" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(cut(request, 6000)), Map.of(), null));
        }
        List<byte[]> chains = derMutations(fixtures.rootDer(), 24);
        String pem = new String(fixtures.chainPem(), StandardCharsets.US_ASCII);
        chains.add(("-----BEGIN CERTIFICATE-----\n" + pem.substring(40, 200) + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        chains.add("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        chains.add(pem.replace("-----END CERTIFICATE-----", "").getBytes(StandardCharsets.US_ASCII));
        for (String endpoint : List.of("/api/signatures/pades/prepare", "/api/signatures/xades/prepare",
                "/api/citizen/login/eid", "/api/sign/" + fixtures.signerToken() + "/eid/prepare",
                "/api/itsme/enrolments/" + fixtures.itsmeAccount() + "/contract/prepare")) {
            for (byte[] chain : chains) {
                Multipart body = new Multipart().file("certificateChain", "chain.der", "application/pkix-cert", chain);
                if (endpoint.startsWith("/api/signatures/")) {
                    body.file("document", endpoint.contains("xades") ? "doc.xml" : "doc.pdf", "application/octet-stream",
                            endpoint.contains("xades") ? fixtures.xml() : fixtures.pdf());
                }
                if (endpoint.equals("/api/citizen/login/eid")) {
                    body.field("challengeId", "no-such-challenge").field("signature", "AAAA");
                }
                multipart("der", endpoint, body);
            }
        }
        report("der");
    }

    private List<byte[]> derMutations(byte[] good, int count) {
        List<byte[]> all = new ArrayList<>(HostileDer.crafted());
        for (int i = 0; i < count; i++) {
            all.add(HostileDer.mutate(good, random));
        }
        return all;
    }

    // ---------------------------------------------------------------------------------------------- XML

    /** Seals, validation, extension and XAdES prepare of hostile and damaged XML. */
    @Test
    void hostileXmlIsRefusedWithAProblem() {
        List<byte[]> documents = new ArrayList<>(HostileXml.crafted());
        for (int i = 0; i < 20; i++) {
            documents.add(HostileXml.mutate(random.nextBoolean() ? fixtures.xml() : fixtures.sealedXml(), random));
        }
        for (String endpoint : List.of("/api/validations", "/api/seals?level=B-B", "/api/extensions?level=B-T",
                "/api/signatures/xades/prepare?level=B-B")) {
            for (byte[] document : documents) {
                Multipart body = new Multipart().file("document", "fuzz.xml", "application/xml", document);
                if (endpoint.contains("prepare")) {
                    body.file("certificateChain", "chain.pem", "application/x-pem-file", fixtures.chainPem());
                }
                multipart("xml", endpoint, body);
            }
        }
        report("xml");
    }

    // ---------------------------------------------------------------------------------------------- checks

    private void multipart(String family, String endpoint, Multipart body) {
        multipart(family, endpoint, body, endpoint, authHeaders(endpoint));
    }

    private void multipart(String family, String label, Multipart body, Map<String, String> auth) {
        multipart(family, label, body, label.substring(0, label.indexOf(' ')), auth);
    }

    private void multipart(String family, String label, Multipart body, String endpoint, Map<String, String> auth) {
        Map<String, String> headers = new LinkedHashMap<>(auth);
        headers.put("Content-Type", body.contentType());
        check(family, label, HTTP.send("POST", endpoint, headers, body.bytes()));
    }

    private void check(String family, String label, RawHttp.Response response) {
        cases++;
        statuses.merge(response.status(), 1, Integer::sum);
        String what = family + " #" + cases + " " + label + " → " + response.status() + " ";
        String text = response.text();
        if (response.status() == 0) {
            failures.add(what + "no answer: " + abbreviate(text));
            return;
        }
        if (response.elapsed().compareTo(SLOW) > 0) {
            failures.add(what + "took " + response.elapsed().toMillis() + " ms");
        }
        if (response.status() >= 500) {
            failures.add(what + abbreviate(text));
            return;
        }
        String contentType = response.header("Content-Type");
        boolean textual = contentType.isEmpty() || contentType.contains("json") || contentType.contains("text")
                || contentType.contains("html");
        if (textual && LEAK.matcher(text).find()) {
            failures.add(what + "leaks: " + abbreviate(text));
        }
        if (response.status() >= 400) {
            if (!contentType.startsWith("application/problem+json")) {
                failures.add(what + "not a problem (" + contentType + "): " + abbreviate(text));
                return;
            }
            JsonNode problem = ServiceClient.JSON.readTree(text);
            for (String member : List.of("type", "title", "status", "detail")) {
                if (!problem.hasNonNull(member) || problem.get(member).asString().isBlank()) {
                    failures.add(what + "problem without " + member + ": " + abbreviate(text));
                }
            }
        }
    }

    private void report(String family) {
        System.out.println("FuzzIT " + family + ": " + cases + " cases, " + failures.size() + " failures, statuses "
                + statuses);
        try {
            Path file = Path.of("target", "fuzz", family + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, failures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(failures).as("seed " + SEED + ", " + family + ": " + failures.size() + " of " + cases
                + " answers broke the contract").isEmpty();
    }

    private static Map<String, String> authHeaders(String path) {
        boolean tenant = path.startsWith("/api/documents") || path.startsWith("/api/requests")
                || path.startsWith("/api/seals") || path.startsWith("/api/archive")
                || path.startsWith("/api/actualisations") || path.startsWith("/api/signatures");
        return tenant ? Map.of("X-API-Key", KEY) : path.startsWith("/api/citizen/") ? citizenHeaders() : Map.of();
    }

    /** The cases ran with a live session (they reached the handlers rather than stopping at a 401). */
    private static void assertStaffSessionLives() {
        RawHttp.Response session = HTTP.send("GET", "/api/staff/session", staffHeaders(), null);
        assertThat(session.status()).as(session.text()).isEqualTo(200);
    }

    /** The staff session of the organisation's admin, with the CSRF token its changes need. */
    private static Map<String, String> staffHeaders() {
        return Map.of("Cookie", fixtures.staffCookie(), "X-CSRF-Token", fixtures.csrfToken());
    }

    private static Map<String, String> citizenHeaders() {
        return Map.of("Paraaf-Citizen-Session", fixtures.citizenSession());
    }

    private static String citizenSession(Citizen citizen) {
        JsonNode challenge = ServiceClient.json(CLIENT.postJson("/api/citizen/login/eid/challenge", ""));
        byte[] signature = TwoStepFlow.sign(challenge.get("challenge").asString().getBytes(StandardCharsets.US_ASCII),
                "SHA256withRSA", citizen.authenticationKey());
        HttpResponse<byte[]> session = CLIENT.post("/api/citizen/login/eid", new Multipart()
                .field("challengeId", challenge.get("id").asString())
                .file("certificateChain", "chain.pem", "application/x-pem-file",
                        TwoStepFlow.pem(citizen.authenticationChain()))
                .field("signature", Base64.getEncoder().encodeToString(signature)));
        assertThat(session.statusCode()).as(TwoStepFlow.body(session)).isEqualTo(200);
        return ServiceClient.json(session).get("token").asString();
    }

    private String randomPrintable(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private byte[] flip(byte[] data, int count, int from, int to) {
        byte[] copy = data.clone();
        for (int i = 0; i < count; i++) {
            int at = from + random.nextInt(Math.max(1, Math.min(to, copy.length) - from));
            copy[at] = (byte) random.nextInt(256);
        }
        return copy;
    }

    static byte[] cut(byte[] data, int length) {
        byte[] copy = new byte[Math.max(0, Math.min(length, data.length))];
        System.arraycopy(data, 0, copy, 0, copy.length);
        return copy;
    }

    static byte[] replace(byte[] data, String from, String to) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
