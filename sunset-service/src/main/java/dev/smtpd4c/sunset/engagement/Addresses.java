package dev.smtpd4c.sunset.engagement;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Address and stream names as the suite keys them: domain lower-cased, local part kept as given. */
public final class Addresses {

    private static final Pattern STREAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Addresses() {}

    /** The normalised address, or empty when {@code raw} is not a plausible address. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String a = raw.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || a.length() > 320 || a.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(a.substring(0, at) + "@" + a.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    public static boolean validStream(String stream) {
        return stream != null && STREAM.matcher(stream).matches();
    }
}
