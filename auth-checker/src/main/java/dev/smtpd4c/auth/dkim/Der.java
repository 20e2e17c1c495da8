package dev.smtpd4c.auth.dkim;

import java.io.ByteArrayOutputStream;

/**
 * The few DER constructions needed to hand raw DKIM key material to the JDK's KeyFactory
 * without a crypto library: DKIM publishes PKCS#1 RSA keys and raw Ed25519 keys, the JDK
 * wants X.509 SubjectPublicKeyInfo and PKCS#8.
 */
final class Der {

    /** AlgorithmIdentifier { rsaEncryption, NULL }. */
    static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** AlgorithmIdentifier { id-Ed25519 } (RFC 8410: parameters absent). */
    static final byte[] ED25519_ALGORITHM = hex("300506032b6570");

    private Der() {}

    static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    static byte[] bitString(byte[] content) {
        return tlv(0x03, concat(new byte[] {0}, content));
    }

    static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.write(content, 0, content.length);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
