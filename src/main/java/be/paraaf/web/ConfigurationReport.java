package be.paraaf.web;

import be.paraaf.system.MissingSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Fail fast, in words: at start, the settings every capability still lacks go into one line. With
 * {@code paraaf.startup.require-complete-configuration} (on in profile prod) a missing required one refuses the
 * start with that line; otherwise it is a WARN and the capability is visibly off in readiness
 * ({@code configuration.off}).
 */
@Component("configuration")
class ConfigurationReport implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationReport.class);

    private final List<MissingSettings> capabilities;
    private final boolean requireComplete;

    ConfigurationReport(List<MissingSettings> capabilities,
            @Value("${paraaf.startup.require-complete-configuration:false}") boolean requireComplete) {
        this.capabilities = capabilities;
        this.requireComplete = requireComplete;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Map<String, List<String>> off = off();
        if (off.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("Missing configuration:");
        off.forEach((capability, settings) -> line.append(" set ").append(String.join(" and ", settings))
                .append(" for ").append(capability).append(';'));
        boolean requiredMissing = capabilities.stream().anyMatch(c -> c.required() && !c.missing().isEmpty());
        if (requireComplete && requiredMissing) {
            throw new MissingConfigurationException(line + " paraaf does not start in production without them "
                    + "(paraaf.startup.require-complete-configuration).");
        }
        log.warn("{} until then these capabilities are off.", line);
    }

    /** A start refused for missing settings; {@link MissingConfigurationFailureAnalyzer} reports it without a trace. */
    static final class MissingConfigurationException extends IllegalStateException {

        MissingConfigurationException(String message) {
            super(message);
        }
    }

    @Override
    public Health health() {
        Map<String, List<String>> off = off();
        return off.isEmpty() ? Health.up().build() : Health.up().withDetail("off", off).build();
    }

    private Map<String, List<String>> off() {
        Map<String, List<String>> off = new LinkedHashMap<>();
        for (MissingSettings capability : capabilities) {
            List<String> missing = capability.missing();
            if (!missing.isEmpty()) {
                off.put(capability.capability(), missing);
            }
        }
        return off;
    }
}
