package dev.smtpd4c.auth.spf;

import java.util.List;

/**
 * A syntactically valid SPF record.
 *
 * @param text the record as published
 * @param directives mechanisms in evaluation order
 * @param redirect the redirect= modifier, or null
 * @param explanation the exp= modifier, or null
 * @param otherModifiers unknown modifiers (ignored by evaluation, reported by the linter)
 */
public record SpfRecord(
        String text,
        List<Directive> directives,
        Modifier redirect,
        Modifier explanation,
        List<Modifier> otherModifiers) {

    public SpfRecord {
        directives = List.copyOf(directives);
        otherModifiers = List.copyOf(otherModifiers);
    }

    /** True when the text starts with the SPF version tag followed by a space or the end (4.5). */
    public static boolean isSpf(String txt) {
        return txt.length() >= 6
                && txt.regionMatches(true, 0, "v=spf1", 0, 6)
                && (txt.length() == 6 || txt.charAt(6) == ' ');
    }
}
