package be.paraaf.web;

import be.paraaf.web.RateLimitProperties.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, in memory, per node) for each {@link Kind} of work and each caller key. Each kind keeps
 * at most {@code max-tracked-keys} buckets, forgetting the least recently used first. Several nodes each count on
 * their own: the limits hold per node.
 */
@Component
class RateLimiter {

    /** The kinds of work that are limited, each with its limit from {@link RateLimitProperties}. */
    enum Kind {
        ITSME_ENROLMENTS, LOGIN_PUSHES, LOGIN_PUSHES_PER_CITIZEN, CITIZEN_LOGINS, VALIDATIONS, REPORT_DOWNLOADS, STAMPS,
        LINK_LOOKUPS, API_CLIENTS;

        Limit limit(RateLimitProperties properties) {
            return switch (this) {
                case ITSME_ENROLMENTS -> properties.itsmeEnrolments();
                case LOGIN_PUSHES -> properties.loginPushes();
                case LOGIN_PUSHES_PER_CITIZEN -> properties.loginPushesPerCitizen();
                case CITIZEN_LOGINS -> properties.citizenLogins();
                case VALIDATIONS -> properties.validations();
                case REPORT_DOWNLOADS -> properties.reportDownloads();
                case STAMPS -> properties.stamps();
                case LINK_LOOKUPS -> properties.linkLookups();
                case API_CLIENTS -> properties.apiClients();
            };
        }
    }

    private final RateLimitProperties properties;
    private final Map<Kind, Map<String, Bucket>> buckets = new EnumMap<>(Kind.class);

    RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        for (Kind kind : Kind.values()) {
            buckets.put(kind, Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > properties.maxTrackedKeys();
                }
            }));
        }
    }

    /** Takes one request of {@code kind} for {@code key}; empty if allowed, else the seconds to wait (at least 1). */
    OptionalLong take(Kind kind, String key) {
        if (!properties.enabled()) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.get(kind).computeIfAbsent(key, k -> bucket(kind.limit(properties)))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
    }

    /** As {@link #take}, refusing with a {@link RateLimitedException} that names {@code who}. */
    void require(Kind kind, String key, String who) {
        OptionalLong wait = take(kind, key);
        if (wait.isPresent()) {
            throw new RateLimitedException(wait.getAsLong(), who);
        }
    }

    private static Bucket bucket(Limit limit) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.period()).build()).build();
    }

    /**
     * The key of a client address: the address itself for IPv4, its /64 for IPv6 (one subscriber usually holds a
     * whole /64, so counting single IPv6 addresses would let one caller pass as billions).
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress; // a literal from the container is always parseable; keep it as it is otherwise
        }
    }
}
