package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.HostilePdfs;
import be.paraaf.support.Multipart;
import be.paraaf.support.OwnJvmService;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.TestDocs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile and oversized input against paraaf in its own JVM with a small heap (-Xmx160m): a deflate bomb and
 * deep XML are handled (accepted or refused) without failing; an upload near the size limit that is no PDF, one above the
 * limit, deep XML and a huge JSON body each get a 4xx or 503 problem document in words; never a 500, and the
 * service still answers a normal validation after.
 */
class SmallHeapIT {

    private static final String KEY = DemoClients.WOONPUNT_KEY;

    @RegisterExtension
    static final OwnJvmService SERVICE = OwnJvmService.withJvmOptions("-Xmx160m")
            .settings("--paraaf.upload-limit=40MB");

    private final ServiceClient client = SERVICE.client();
    private final Path dir = SERVICE.dir();

    @Test
    void hostileAndOversizedInputGetsAProblemAndTheServiceStaysUp() {
        Map<String, HttpResponse<byte[]>> answers = new LinkedHashMap<>();
        byte[] bomb = HostilePdfs.deflateBomb(256);
        for (String endpoint : List.of("/api/documents", "/api/validations", "/api/seals?level=B-B",
                "/api/timestamps")) {
            answers.put("deflate bomb → " + endpoint, client.post(endpoint, pdf("bomb.pdf", bomb), KEY));
        }
        byte[] notAPdf = new byte[39 * 1024 * 1024];
        Arrays.fill(notAPdf, (byte) 'x');
        answers.put("39 MB that is no PDF → upload", client.post("/api/documents", pdf("big.pdf", notAPdf), KEY));
        answers.put("39 MB that is no PDF → validation", client.post("/api/validations", pdf("big.pdf", notAPdf)));
        byte[] tooLarge = new byte[41 * 1024 * 1024];
        answers.put("41 MB → upload", client.post("/api/documents", pdf("huge.pdf", tooLarge), KEY));
        answers.put("deep XML → validation", client.post("/api/validations", new Multipart().file("document",
                "deep.xml", "application/xml", ("<a>".repeat(200_000) + "</a>".repeat(200_000))
                        .getBytes(StandardCharsets.US_ASCII))));
        answers.put("20 MB JSON → request", client.postJson("/api/requests", "{\"title\":\"" + "x".repeat(20_000_000)
                + "\",\"signers\":[" + "[".repeat(100_000) + "]}", KEY));

        answers.forEach((what, response) -> {
            // a bomb and deep XML are well-formed and may be accepted (a bomb's pages are drawn within their own
            // bounds, the XML is simply unsigned); the oversized and malformed input must be refused; none may fail
            boolean wellFormed = what.startsWith("deflate") || what.startsWith("deep");
            assertThat(response.statusCode()).as(what + ": " + body(response)).isBetween(wellFormed ? 200 : 400, 503)
                    .isNotEqualTo(500);
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                        .startsWith("application/problem+json");
                assertThat(body(response)).as(what).doesNotContain("Exception", "java.", "OutOfMemory");
            }
        });
        assertThat(SERVICE.isAlive()).isTrue();
        HttpResponse<byte[]> normal = client.post("/api/validations",
                pdf("contract.pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertThat(normal.statusCode()).as(body(normal)).isBetween(200, 201);
    }

    private static Multipart pdf(String name, byte[] content) {
        return new Multipart().file("document", name, "application/pdf", content);
    }

    private static String body(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        return new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.UTF_8);
    }
}
