package be.paraaf.benchmark;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.LargePdfs;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.ServiceProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals of 100 MB and 500 MB PDFs by paraaf in its own JVM at -Xmx256m, streamed from and to files on the client
 * side: wall time and the service process's peak resident memory (VmHWM) after each, which only grows. Not a timed
 * test: {@code mvn -Pbenchmark test -Dtest=LargeFileBenchmark}; sizes with {@code -Dparaaf.benchmark.sizes=100,500}.
 */
@Tag("benchmark")
class LargeFileBenchmark {

    @TempDir
    Path dir;

    @Test
    void sealsOfLargeFilesAtASmallHeap() throws Exception {
        int port = ServiceIT.freePort();
        String base = "http://localhost:" + port;
        // the service's log stays in target/ to show where a seal that did not fit ran out of memory (a 503)
        Path log = Path.of("target", "large-file-benchmark-service.log").toAbsolutePath();
        Process service = ServiceProcess.start(List.of(ServiceProcess.java(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "be.paraaf.ParaafApplication", "--server.port=" + port,
                "--paraaf.data-dir=" + dir.resolve("data"), "--paraaf.large-file-limit=700MB",
                "--paraaf.demo.virtual-cards=false"), log, base);
        StringBuilder table = new StringBuilder(String.format("%n%-34s %10s %12s %14s %8s%n", "seal at -Xmx256m",
                "file MB", "seconds", "peak RSS MB", "status"));
        try {
            System.out.println("service started, RSS " + peakRssMegabytes(service) + " MB");
            for (String size : System.getProperty("paraaf.benchmark.sizes", "100,500").split(",")) {
                Path pdf = LargePdfs.write(dir.resolve(size + ".pdf"), Integer.parseInt(size.strip()));
                for (String level : List.of("B-B", "B-LTA")) {
                    long start = System.nanoTime();
                    String status;
                    long rss = peakRssMegabytes(service);
                    try {
                        HttpResponse<Path> response = seal(base, pdf, level, dir.resolve(size + "-" + level + ".pdf"));
                        status = Integer.toString(response.statusCode());
                        rss = peakRssMegabytes(service);
                        Files.deleteIfExists(response.body());
                    } catch (IOException e) {
                        status = service.isAlive() ? "no answer" : "service died";
                    }
                    table.append(String.format("%-34s %10.1f %12.1f %14d %8s%n", size + " MB " + level,
                            Files.size(pdf) / 1e6, (System.nanoTime() - start) / 1e9, rss, status));
                    System.out.println(table);
                    if (!service.isAlive()) {
                        break;
                    }
                }
                Files.delete(pdf);
            }
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        System.out.println(table);
    }

    private static HttpResponse<Path> seal(String base, Path pdf, String level, Path target) throws Exception {
        String boundary = "paraafbench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
                + pdf.getFileName() + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/seals?level=" + level))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + DemoClients.WOONPUNT_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head),
                                Files.newInputStream(pdf)), new ByteArrayInputStream(tail));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(target));
    }

    private static long peakRssMegabytes(Process process) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
