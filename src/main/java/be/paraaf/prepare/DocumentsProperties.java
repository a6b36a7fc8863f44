package be.paraaf.prepare;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param store where document bytes go: {@code file} (under data-dir/documents) or {@code jdbc} (the database)
 * @param maxSize largest document accepted (uploads and generated documents); larger is a 413 problem
 * @param maxPages most pages accepted; more is a 422 {@code too-many-pages} problem
 * @param inspectionTimeout how long inspecting or rewriting one PDF may take before it is refused
 */
@Validated
@ConfigurationProperties("paraaf.documents")
public record DocumentsProperties(
        @NotNull @DefaultValue("file") Store store,
        @NotNull @DefaultValue("50MB") DataSize maxSize,
        @Min(1) @Max(100_000) @DefaultValue("500") int maxPages,
        @NotNull @DefaultValue("30s") Duration inspectionTimeout) {

    public enum Store { FILE, JDBC }
}
