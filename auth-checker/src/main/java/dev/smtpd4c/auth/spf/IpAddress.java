package dev.smtpd4c.auth.spf;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address as raw bytes, parsed without ever touching DNS (InetAddress.getByName
 * would resolve names). IPv4-mapped IPv6 client addresses become IPv4, as receivers see them.
 */
public final class IpAddress {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses a client address, or returns null when the text is not an IP literal. */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            byte[] v4 = parseIp4(text);
            return v4 == null ? null : new IpAddress(v4);
        }
        byte[] v6 = parseIp6(text);
        if (v6 == null) {
            return null;
        }
        if (isV4Mapped(v6)) {
            return new IpAddress(Arrays.copyOfRange(v6, 12, 16));
        }
        return new IpAddress(v6);
    }

    /** Strict dotted quad: four decimal octets 0-255 without leading zeros (RFC 7208 dec-octet). */
    static byte[] parseIp4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // leading zero
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** IPv6 text form (RFC 4291, with embedded IPv4 allowed) to 16 bytes, or null. */
    static byte[] parseIp6(String text) {
        if (text.indexOf(':') < 0 || text.indexOf('%') >= 0 || text.length() > 45) {
            return null;
        }
        InetAddress parsed;
        try {
            parsed = InetAddresses.forString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] raw = parsed.getAddress();
        if (parsed instanceof Inet4Address) {
            // Guava folds ::ffff:a.b.c.d into IPv4; keep the IPv6 form the text asked for.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return mapped;
        }
        return raw;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** True when this address lies in network/prefix; addresses of the other family never match. */
    public boolean inNetwork(byte[] network, int prefix) {
        if (network.length != bytes.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    /** True when the text (as a resolver returns it) is the same address. */
    public boolean sameAs(String text) {
        IpAddress other = parse(text);
        return other != null && Arrays.equals(bytes, other.bytes);
    }

    /** The %{i} form: dotted quad, or 32 dot-separated nibbles (upper case, as pyspf writes them). */
    public String macroForm() {
        if (isV4()) {
            return toString();
        }
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        StringBuilder sb = new StringBuilder(63);
        for (int i = 0; i < hex.length(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(hex.charAt(i));
        }
        return sb.toString();
    }

    /** The reverse-DNS owner name without the trailing dot. */
    public String reverseName() {
        StringBuilder sb = new StringBuilder(72);
        if (isV4()) {
            for (int i = 3; i >= 0; i--) {
                sb.append(bytes[i] & 0xff).append('.');
            }
            return sb.append("in-addr.arpa").toString();
        }
        String hex = HexFormat.of().formatHex(bytes);
        for (int i = hex.length() - 1; i >= 0; i--) {
            sb.append(hex.charAt(i)).append('.');
        }
        return sb.append("ip6.arpa").toString();
    }

    /** Dotted quad or RFC 5952 IPv6 text (the %{c} form). */
    @Override
    public String toString() {
        if (isV4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(bytes)).toLowerCase(Locale.ROOT);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always a valid address", e);
        }
    }
}
