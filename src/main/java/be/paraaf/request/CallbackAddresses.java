package be.paraaf.request;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps webhooks from reaching into paraaf's own network (server-side request forgery): a callback host
 * that resolves to a loopback, private, link-local (cloud metadata 169.254.169.254 included), unspecified,
 * carrier-grade NAT, reserved or multicast address is refused, also when it is spelled as an IPv4-mapped,
 * IPv4-compatible, NAT64 or 6to4 IPv6 address, and so is a numeric host that is not a plain dotted quad
 * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}: resolvers disagree on what those mean). Checked when
 * a request is created and again just before each delivery; a DNS answer that changes between that check and
 * the connection (rebinding) is not covered — a forward proxy with an allow-list is the stronger setup. The
 * refusal never names the resolved address (the agency must not learn paraaf's internal addresses); the log does.
 */
final class CallbackAddresses {

    private static final Logger log = LoggerFactory.getLogger(CallbackAddresses.class);
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private CallbackAddresses() {
    }

    static void requirePublic(URI callback) throws IOException {
        String host = callback.getHost();
        if (host == null || ambiguousNumericHost(host)) {
            throw new IOException("the callback host is neither a name nor a dotted-quad IPv4 or bracketed IPv6 "
                    + "address");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("the callback host does not resolve", e);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                log.warn("callback host {} resolves to the non-public address {}; refused", host,
                        address.getHostAddress());
                throw new IOException("the callback host resolves to a non-public address");
            }
        }
    }

    /** A host whose last label is a number is an IPv4 address (WHATWG URL); only the dotted quad is unambiguous. */
    static boolean ambiguousNumericHost(String host) {
        if (host.startsWith("[")) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(name).matches();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc // fc00::/7 unique local
                    && (bytes[0] & 0xff) != 0xfe // fec0::/10 site-local (deprecated) and the rest of fe00::/8
                    && embeddedIpv4(bytes).map(CallbackAddresses::isPublic).orElse(true);
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second <= 127) // 100.64/10 carrier-grade NAT
                && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
                && !(first == 198 && (second == 18 || second == 19)) // 198.18/15 benchmarking
                && first < 240 // 240/4 reserved, 255.255.255.255 broadcast
                && first != 0;
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<InetAddress> embeddedIpv4(byte[] v6) {
        boolean compatible = Arrays.equals(Arrays.copyOf(v6, 12), new byte[12]);
        boolean nat64 = Arrays.equals(Arrays.copyOf(v6, 12),
                new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        byte[] v4 = compatible || nat64 ? Arrays.copyOfRange(v6, 12, 16)
                : v6[0] == 0x20 && v6[1] == 0x02 ? Arrays.copyOfRange(v6, 2, 6) : null;
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
