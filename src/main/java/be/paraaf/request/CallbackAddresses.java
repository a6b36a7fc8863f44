package be.paraaf.request;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps webhooks from reaching into paraaf's own network (server-side request forgery): a callback host
 * that resolves to a loopback, private, link-local, unspecified or multicast address is refused. The
 * check resolves the name just before delivery; a DNS answer that changes between this check and the
 * connection (rebinding) is not covered — a forward proxy with an allow-list is the stronger setup.
 */
final class CallbackAddresses {

    private CallbackAddresses() {
    }

    static void requirePublic(URI callback) throws IOException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(callback.getHost());
        } catch (UnknownHostException e) {
            throw new IOException("callback host does not resolve: " + callback.getHost(), e);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new IOException("callback host " + callback.getHost() + " resolves to a non-public address "
                        + address.getHostAddress() + "; refused");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second <= 127) // 100.64/10 carrier-grade NAT
                && first != 0;
    }
}
