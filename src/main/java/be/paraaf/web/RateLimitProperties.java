package be.paraaf.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code paraaf.rate-limits.*}); each limit is written {@code <requests>/<period>}, e.g. {@code 5/1h}.
 * Anonymous work counts per client address (an IPv6 address per /64), an API client's work per client id.
 *
 * @param enabled off: no limit at all (never in production)
 * @param maxTrackedKeys addresses (or citizens, clients) remembered per limit; the least recently seen is forgotten
 *        first, so memory stays bounded whatever the number of callers
 * @param itsmeEnrolments itsme enrolments started per address ({@code POST /api/itsme/enrolments}; each leaves a key
 *        file until it is confirmed or expires)
 * @param loginPushes itsme login pushes started per address ({@code POST /api/citizen/login/itsme})
 * @param loginPushesPerCitizen itsme login pushes per national register number, whoever asks, so nobody can flood
 *        one citizen's phone
 * @param citizenLogins other citizen login steps per address (eID challenges and answers)
 * @param validations anonymous validations per address ({@code POST /api/validations})
 * @param reportDownloads anonymous downloads of a validation's reports and pictures per address
 *        ({@code GET /api/validations/**}: a picture is drawn from the document on each call)
 * @param stamps anonymous time-stamps and extensions per address ({@code POST /api/timestamps},
 *        {@code POST /api/extensions}: each asks the TSA for tokens)
 * @param linkLookups calls on signing links per address ({@code /api/sign/{token}/**}: the signer page polls about
 *        once a second while it waits)
 * @param apiClients calls per authenticated API client, on any endpoint
 */
@Validated
@ConfigurationProperties("paraaf.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("100000") int maxTrackedKeys,
        @NotNull @DefaultValue("5/1h") Limit itsmeEnrolments,
        @NotNull @DefaultValue("10/1m") Limit loginPushes,
        @NotNull @DefaultValue("3/1m") Limit loginPushesPerCitizen,
        @NotNull @DefaultValue("20/1m") Limit citizenLogins,
        @NotNull @DefaultValue("20/1m") Limit validations,
        @NotNull @DefaultValue("300/1m") Limit reportDownloads,
        @NotNull @DefaultValue("20/1m") Limit stamps,
        @NotNull @DefaultValue("300/1m") Limit linkLookups,
        @NotNull @DefaultValue("3000/1m") Limit apiClients) {

    /** At most {@code requests} in any {@code period}, refilled gradually (a token bucket). */
    public record Limit(long requests, Duration period) {

        public Limit {
            if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per positive period");
            }
        }

        /** {@code 5/1h}, {@code 300/1m}, {@code 20/30s}: the configuration form. */
        public static Limit valueOf(String text) {
            int slash = text.indexOf('/');
            if (slash < 1) {
                throw new IllegalArgumentException("a rate limit is written <requests>/<period>, e.g. 5/1h: " + text);
            }
            return new Limit(Long.parseLong(text.substring(0, slash).strip()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
        }

        @Override
        public String toString() {
            return requests + "/" + period;
        }
    }
}
