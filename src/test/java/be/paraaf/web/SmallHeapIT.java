package be.paraaf.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.demo.DemoClients;
import be.paraaf.demo.DemoStaff;
import be.paraaf.support.HostilePdfs;
import be.paraaf.support.Multipart;
import be.paraaf.support.OwnJvmService;
import be.paraaf.support.ServiceClient;
import be.paraaf.support.StaffClient;
import be.paraaf.support.TestDocs;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
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
 * limit, deep XML, a huge JSON body, deflate-bombed and 150 MB template packages, a CSV of many MB, one with a
 * giant field and a huge 'common' part of a bulk send each get a 4xx or 503 problem document in words; never a 500,
 * and the service still answers a normal validation after.
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
        answers.put("template package, deflate-bombed (512 MB of zeros)", zip(HttpRequest.BodyPublishers
                .ofByteArray(HostileZips.bomb(512))));
        answers.put("40 small bombs in one template package", zip(HttpRequest.BodyPublishers.ofByteArray(
                HostileZips.crafted().get("bombs side by side"))));
        // 150 MB: almost the heap, and below what Tomcat swallows after an early answer (200 MB), so the client
        // reads the answer instead of a reset connection
        long size = 150L * 1024 * 1024;
        HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(() -> zeros(size));
        answers.put("150 MB template package", zip(HttpRequest.BodyPublishers.fromPublisher(streamed, size)));
        answers.put("150 MB template package, chunked", zip(HttpRequest.BodyPublishers.ofInputStream(
                () -> zeros(size))));
        StaffClient staff = StaffClient.login(client, DemoStaff.WOONPUNT_ADMIN);
        String header = "title,tenants[0].name,tenants[0].nationalNumber\n";
        byte[] manyMegabytes = (header + "Huur,An Peeters,12345678901\n".repeat(1_200_000))
                .getBytes(StandardCharsets.UTF_8);
        answers.put("32 MB CSV → bulk send", staff.post("/api/staff/bulk-send?template=lease", new Multipart()
                .file("csv", "huurders.csv", "text/csv", manyMegabytes)));
        answers.put("CSV with a 400 KB field → bulk send", staff.post("/api/staff/bulk-send?template=lease",
                new Multipart().file("csv", "huurders.csv", "text/csv", (header + "\"" + "x".repeat(400_000)
                        + "\",An,1\n").getBytes(StandardCharsets.UTF_8))));
        answers.put("30 MB common JSON → bulk send", staff.post("/api/staff/bulk-send?template=lease",
                new Multipart().field("common", "{\"agency\":{\"name\":\"" + "x".repeat(30_000_000) + "\"}}")
                        .file("csv", "huurders.csv", "text/csv", (header + "Huur,An,1\n")
                                .getBytes(StandardCharsets.UTF_8))));

        answers.forEach((what, response) -> {
            System.out.println("SmallHeapIT " + what + " → " + response.statusCode() + " " + body(response));
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
        // refused before it is read, not read until the heap runs out
        assertThat(answers.get("150 MB template package").statusCode()).isEqualTo(413);
        assertThat(answers.get("150 MB template package, chunked").statusCode()).isEqualTo(413);
        assertThat(SERVICE.isAlive()).isTrue();
        HttpResponse<byte[]> normal = client.post("/api/validations",
                pdf("contract.pdf", TestDocs.read(TestDocs.SAMPLE_CONTRACT)));
        assertThat(normal.statusCode()).as(body(normal)).isBetween(200, 201);
    }

    private HttpResponse<byte[]> zip(HttpRequest.BodyPublisher zip) {
        return client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/agency-templates"))
                .header("X-API-Key", KEY).header("Content-Type", "application/zip").POST(zip).build());
    }

    /** {@code length} zero bytes, made as they are read. */
    private static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static Multipart pdf(String name, byte[] content) {
        return new Multipart().file("document", name, "application/pdf", content);
    }

    private static String body(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        return new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.UTF_8);
    }
}
