package be.paraaf.benchmark;

import be.paraaf.demo.DemoClients;
import be.paraaf.support.LargePdfs;
import be.paraaf.support.LargeSeals;
import be.paraaf.support.ServiceClient;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals of 100 MB and 500 MB PDFs by paraaf in its own JVM at -Xmx256m, streamed from and to files on the client
 * side: wall time, the service process's peak resident memory (VmHWM) after each, which only grows, and the largest
 * heap left after a garbage collection during each (from the GC log). Each B-LTA seal is then verified by DSS, pdfsig
 * and mutool from disk. Not a timed
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
        Path gcLog = dir.resolve("gc.log");
        Process service = ServiceProcess.start(List.of(ServiceProcess.java(), "-Xmx256m", "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"), "be.paraaf.ParaafApplication", "--server.port=" + port,
                "--paraaf.data-dir=" + dir.resolve("data"), "--paraaf.large-file-limit=700MB",
                "--paraaf.demo.virtual-cards=false"), log, base);
        StringBuilder table = new StringBuilder(String.format("%n%-34s %10s %12s %14s %18s %14s%n", "seal at -Xmx256m",
                "file MB", "seconds", "peak RSS MB", "heap after GC MB", "status"));
        try {
            System.out.println("service started, RSS " + peakRssMegabytes(service) + " MB");
            for (String size : System.getProperty("paraaf.benchmark.sizes", "100,500").split(",")) {
                Path pdf = LargePdfs.write(dir.resolve(size + ".pdf"), Integer.parseInt(size.strip()));
                for (String level : List.of("B-B", "B-LTA")) {
                    long gcLogRead = Files.exists(gcLog) ? Files.size(gcLog) : 0;
                    long start = System.nanoTime();
                    String status;
                    double seconds;
                    long rss = peakRssMegabytes(service);
                    try {
                        HttpResponse<Path> response = seal(base, pdf, level, dir.resolve(size + "-" + level + ".pdf"));
                        seconds = (System.nanoTime() - start) / 1e9;
                        status = Integer.toString(response.statusCode());
                        rss = peakRssMegabytes(service);
                        if (response.statusCode() == 200 && level.equals("B-LTA")) {
                            // outside the timing: DSS, pdfsig and mutool each verify the seal from disk
                            LargeSeals.assertSealedAtLta(pdf, response.body(), new ServiceClient(base).rootCertificate(),
                                    dir.resolve("verify-" + size));
                            status += " verified";
                        }
                        Files.deleteIfExists(response.body());
                    } catch (IOException e) {
                        seconds = (System.nanoTime() - start) / 1e9;
                        status = service.isAlive() ? "no answer" : "service died";
                    }
                    table.append(String.format("%-34s %10.1f %12.1f %14d %18d %14s%n", size + " MB " + level,
                            Files.size(pdf) / 1e6, seconds, rss, liveHeapMegabytes(gcLog, gcLogRead), status));
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

    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * The most heap the service kept after any garbage collection logged since {@code from} (its live set at its
     * largest during the seal), from the unified GC log's "before->after(capacity)" figures.
     */
    private static long liveHeapMegabytes(Path gcLog, long from) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        byte[] all = Files.readAllBytes(gcLog);
        Matcher matcher = GC_PAUSE.matcher(new String(all, (int) from, all.length - (int) from,
                StandardCharsets.US_ASCII));
        long most = -1;
        while (matcher.find()) {
            most = Math.max(most, Long.parseLong(matcher.group(2)));
        }
        return most;
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
