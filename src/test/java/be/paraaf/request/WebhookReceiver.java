package be.paraaf.request;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local HTTP endpoint that records webhook calls; answers queued status codes first, then 200. A queued
 * {@link #HOLD} never answers (until the receiver closes): the sender is caught mid-delivery.
 */
final class WebhookReceiver implements AutoCloseable {

    /** Queued with {@link #answerNext(int)}: the call is recorded and left unanswered. */
    static final int HOLD = -1;

    record Call(String signature, String eventType, String body, int answeredWith, String eventId) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer queued = answers.poll();
            int status = queued == null ? 200 : queued;
            calls.add(new Call(exchange.getRequestHeaders().getFirst("Paraaf-Signature"),
                    exchange.getRequestHeaders().getFirst("Paraaf-Event"), body, status,
                    exchange.getRequestHeaders().getFirst("Paraaf-Event-Id")));
            if (status == HOLD) {
                try {
                    closing.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(handlers); // a held call does not hold up the others
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void answerNext(int status) {
        answers.add(status);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits up to {@code timeout} for a call matching {@code match}. */
    List<Call> await(Predicate<Call> match, int count, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            List<Call> found = calls.stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        return calls.stream().filter(match).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
