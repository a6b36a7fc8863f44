package be.paraaf.prepare;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultDpi resolution when the caller asks for none
 * @param maxDpi highest resolution a caller may ask for
 * @param maxPixels largest image (width × height); a bigger page is rendered at a lower resolution
 * @param timeout longest a single page may take to render; a slower (hostile or broken) page is refused
 * @param concurrentRenders renders running at once; more requests wait (bounded) rather than pile up
 */
@Validated
@ConfigurationProperties("paraaf.previews")
public record PreviewProperties(
        @Min(18) @DefaultValue("96") int defaultDpi,
        @Min(18) @Max(600) @DefaultValue("200") int maxDpi,
        @Min(10_000) @DefaultValue("12000000") long maxPixels,
        @NotNull @DefaultValue("10s") Duration timeout,
        @Min(1) @DefaultValue("2") int concurrentRenders) {
}
