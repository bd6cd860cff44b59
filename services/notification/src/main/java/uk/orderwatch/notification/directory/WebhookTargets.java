package uk.orderwatch.notification.directory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import uk.orderwatch.notification.NotificationSettings;

/**
 * Where a webhook may go: an agency's case system on the internet, never a machine on orderwatch's own network. A URL
 * is refused unless it is https (plain http only with {@code orderwatch.webhooks.allow-plain-http}) and every address
 * its host resolves to is a public unicast address. Loopback, link-local (where cloud metadata services answer),
 * private (RFC 1918, IPv6 unique-local), shared (carrier-grade NAT), multicast, unspecified, documentation and reserved
 * ranges are refused; an IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4) is judged as that
 * IPv4 address. {@code orderwatch.webhooks.allow-private-addresses} lifts the address rule for a demo or test stack
 * whose receiver runs on the same machine.
 *
 * <p>The host is resolved when an agency is recorded and again before every POST, and a webhook's redirects are never
 * followed, so a name that later resolves inward, or a receiver that answers 3xx, reaches nothing. The JVM keeps a
 * resolved name for 30 s, so the connection uses the addresses the check saw.
 */
@Component
public class WebhookTargets {

    private final boolean allowPlainHttp;
    private final boolean allowPrivateAddresses;

    @Autowired
    public WebhookTargets(NotificationSettings settings) {
        this(settings.webhooks().allowPlainHttp(), settings.webhooks().allowPrivateAddresses());
    }

    public WebhookTargets(boolean allowPlainHttp, boolean allowPrivateAddresses) {
        this.allowPlainHttp = allowPlainHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Why the URL must not be posted to; empty when it may be. */
    public Optional<String> refusal(String url) throws UnknownHostException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            return Optional.of(allowPlainHttp ? "must be an http(s) URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must name a host and no user");
        }
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            Optional<String> kind = notPublic(address);
            if (kind.isPresent()) {
                return Optional.of("must reach the agency's own system on the internet: " + uri.getHost()
                        + " is " + kind.get() + " (" + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** What kind of address it is when it is not a public unicast one. */
    static Optional<String> notPublic(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (address.isAnyLocalAddress() || judged.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress() || judged.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (judged.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (judged.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (judged.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = judged.getAddress();
        if (judged instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int third = b[2] & 0xff;
            if (first == 0 || first >= 240) {
                return Optional.of("a reserved address");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a shared (carrier-grade NAT) address");
            }
            if ((first == 192 && second == 0 && (third == 0 || third == 2)) || (first == 198 && second == 51
                    && third == 100) || (first == 203 && second == 0 && third == 113) || (first == 198
                    && (second == 18 || second == 19))) {
                return Optional.of("a reserved address");
            }
            return Optional.empty();
        }
        int firstByte = b[0] & 0xff;
        if ((firstByte & 0xfe) == 0xfc) {
            return Optional.of("a private address");
        }
        if (firstByte == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 one carries: compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return Optional.empty();
        }
        byte[] b = v6.getAddress();
        byte[] v4;
        if (v6.isIPv4CompatibleAddress() || startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
