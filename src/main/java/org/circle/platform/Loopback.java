package org.circle.platform;

import java.net.URI;

/**
 * Whether an address names this machine, decided on its text alone (no DNS): {@code localhost},
 * an IPv4 literal in 127.0.0.0/8 or {@code [::1]}. A prefix test is not enough: anyone can point
 * {@code 127.evil.example} or {@code 127.0.0.1.nip.io} wherever they like.
 */
public final class Loopback {

    private Loopback() { }

    public static boolean host(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) return true;
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) return false;
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) return false;
        }
        return true;
    }

    /** True when the URL is http(s) on a loopback host. */
    public static boolean url(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && host(uri.getHost());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
