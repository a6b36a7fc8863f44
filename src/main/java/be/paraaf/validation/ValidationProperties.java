package be.paraaf.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param policy a DSS validation policy (constraint.xml) replacing DSS's default, e.g.
 *        {@code file:/etc/paraaf/constraint.xml}; unset means DSS's default policy
 * @param reportRetention how long the XML reports of a validation stay downloadable
 * @param visualComparisonMaxPages DSS renders and compares the revisions of PDFs up to this many pages
 *        to detect shadow attacks (DSS's default is 10); above it only object-level changes are analysed
 * @param skipUnchangedPages skip rendering a page whose rendering inputs (content, resources, boxes,
 *        earlier annotations, optional content) are byte-identical in both revisions; detection is the
 *        same, the cost is not (see {@code PageFingerprints})
 * @param timeout longest one validation may take; a slower (hostile) document gets a 422 problem
 * @param concurrentValidations validations running at once; more wait up to {@code timeout} (then 503)
 * @param modificationPolicy the named policy (in {@code be/paraaf/validation/modification-policies.json}:
 *        default, strict, dss-default) deciding which changes after a signature keep it valid; a request may
 *        name another
 * @param reports how much the kept reports of recent validations may take on disk
 */
@Validated
@ConfigurationProperties("paraaf.validation")
public record ValidationProperties(
        Resource policy,
        @NotNull @DefaultValue("1h") Duration reportRetention,
        @Min(0) @DefaultValue("10") int visualComparisonMaxPages,
        @DefaultValue("true") boolean skipUnchangedPages,
        @NotNull @DefaultValue("60s") Duration timeout,
        @Min(1) @DefaultValue("4") int concurrentValidations,
        @NotNull @DefaultValue("default") String modificationPolicy,
        @Valid @NotNull @DefaultValue Reports reports) {

    /**
     * Caps on the reports of recent validations, which anyone can leave by validating (about 190 KB each): over
     * either cap the oldest are deleted first, before their {@code reportRetention} ends.
     *
     * @param maxTotalSize all kept reports together
     * @param maxCount validations whose reports are kept
     * @param bucket reports are kept in one directory per period of this length (whole minutes, at least one); a
     *        job deletes a period's directory whole once its newest report is past {@code reportRetention}
     */
    public record Reports(
            @NotNull @DefaultValue("1GB") DataSize maxTotalSize,
            @Min(1) @DefaultValue("10000") int maxCount,
            @NotNull @DefaultValue("5m") Duration bucket) {

        public Reports {
            if (bucket != null && (bucket.toMinutes() < 1 || bucket.toSeconds() % 60 != 0)) {
                throw new IllegalArgumentException("paraaf.validation.reports.bucket must be whole minutes, "
                        + "at least one: " + bucket);
            }
        }
    }
}
