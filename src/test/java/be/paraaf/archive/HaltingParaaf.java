package be.paraaf.archive;

import be.paraaf.ParaafApplication;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * paraaf with a crash point, for ArchiveCrashIT's child JVM: it halts the JVM ({@code Runtime.halt}: no shutdown
 * hooks, no flush, no commit) when archiving reaches the step named by {@code -Dparaaf.test.halt-at}
 * ({@code after-blobs}, {@code before-commit}, {@code after-commit}). The listener is registered here, in the
 * test, so production code holds no crash hook.
 */
public final class HaltingParaaf {

    static final int EXIT_CODE = 86;
    private static final Map<String, ArchivingListener.Step> POINTS = Map.of(
            "after-blobs", ArchivingListener.Step.BLOBS_STORED,
            "before-commit", ArchivingListener.Step.METADATA_WRITTEN,
            "after-commit", ArchivingListener.Step.COMMITTED);

    private HaltingParaaf() {
    }

    public static void main(String[] args) {
        String point = System.getProperty("paraaf.test.halt-at", "");
        ArchivingListener.Step haltAt = POINTS.get(point);
        if (haltAt == null) {
            throw new IllegalArgumentException("-Dparaaf.test.halt-at must be one of " + POINTS.keySet());
        }
        ArchivingListener halting = (step, entryId) -> {
            if (step == haltAt) {
                System.err.println("halting at " + point + " while archiving " + entryId);
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        };
        new SpringApplicationBuilder(ParaafApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("haltingArchivingListener",
                        halting))
                .run(args);
    }
}
