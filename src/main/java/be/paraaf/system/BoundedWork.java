package be.paraaf.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on untrusted input (rendering, validating an uploaded PDF) with a time limit and a fixed
 * number of slots. Parsers cannot be interrupted reliably, so a task that overruns keeps its slot until it
 * really ends: a hostile file costs at most one slot for a while, never every thread or the whole heap,
 * and its caller gets a clear problem instead of a hanging request.
 */
public final class BoundedWork implements AutoCloseable {

    /** What to tell the caller when the limit is hit or no slot frees up. */
    public record Refusals(String tooSlowType, String tooSlowDetail, String busyDetail) {
    }

    private final String name;
    private final Duration timeout;
    private final Semaphore slots;
    private final ExecutorService workers;

    public BoundedWork(String name, int concurrency, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
        this.slots = new Semaphore(concurrency);
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> T run(Callable<T> task, Refusals refusals) {
        acquire(refusals);
        Future<T> future = workers.submit(() -> {
            try {
                return task.call();
            } finally {
                slots.release();
            }
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Refused(refusals.tooSlowType(), 422, refusals.tooSlowDetail());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(name + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new Refused(name + "-busy", 503, refusals.busyDetail());
        }
    }

    private void acquire(Refusals refusals) {
        try {
            if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Refused(name + "-busy", 503, refusals.busyDetail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(name + "-busy", 503, refusals.busyDetail());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** The work was not done within its bounds. */
    public static final class Refused extends ParaafException {

        Refused(String problemType, int status, String detail) {
            super(problemType, status, detail, Map.of(), null);
        }
    }
}
