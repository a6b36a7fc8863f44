package be.paraaf.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Median and p90 wall time of an operation after a warm-up, one thread, and a table that reports each
 * figure as a multiple of a baseline measured in the same run (these machines are noisy; ratios travel).
 */
public final class Benchmarks {

    public static final int WARM_UP = 15;
    public static final int ITERATIONS = 40;

    private Benchmarks() {
    }

    /** {median ms, p90 ms}. */
    public static double[] measure(Runnable operation) {
        List<Double> millis = samples(operation, WARM_UP, ITERATIONS);
        return new double[] {millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9))};
    }

    /** The wall times in ms of {@code iterations} runs after {@code warmUp} unmeasured ones, sorted. */
    public static List<Double> samples(Runnable operation, int warmUp, int iterations) {
        for (int i = 0; i < warmUp; i++) {
            operation.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            operation.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    /** The results in insertion order; the first entry is the baseline. */
    public static String table(Map<String, double[]> results) {
        return table(results, WARM_UP, ITERATIONS);
    }

    /** As {@link #table(Map)}, for results measured with other iteration counts. */
    public static String table(Map<String, double[]> results, int warmUp, int iterations) {
        double baseline = results.values().iterator().next()[0];
        StringBuilder table = new StringBuilder(String.format("%n%-52s %10s %10s %12s%n", "operation",
                "median ms", "p90 ms", "x baseline"));
        results.forEach((name, figures) -> table.append(String.format("%-52s %10.2f %10.2f %12.2f%n", name,
                figures[0], figures[1], figures[0] / baseline)));
        table.append(String.format("(%d warm-up + %d measured iterations each, one thread, Java %s)%n", warmUp,
                iterations, Runtime.version()));
        return table.toString();
    }
}
