package be.paraaf.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A production start refused for missing settings is reported as Spring Boot reports its own start-up failures:
 * the line naming the settings and what to do, without a stack trace an operator would have to read past.
 */
class MissingConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<ConfigurationReport.MissingConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationReport.MissingConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the settings named above (README's production checklist, "
                + "docs/production.md), or start without profile prod to try paraaf on its embedded defaults.", cause);
    }
}
