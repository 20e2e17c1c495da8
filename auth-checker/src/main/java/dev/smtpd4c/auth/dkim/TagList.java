package dev.smtpd4c.auth.dkim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An RFC 6376 section 3.2 tag list, as used by DKIM-Signature, DKIM key records and the
 * ARC-Seal and ARC-Message-Signature fields.
 *
 * <p>Parsing is strict where the grammar is: tag names are ALPHA *(ALPHA / DIGIT / "_") and
 * case-sensitive, duplicates and empty tag-specs (";;") are errors, values use VALCHAR plus
 * folding whitespace. One trailing ";" is allowed. A single left-to-right pass; the text is
 * never re-scanned, so hostile input costs linear time.
 */
public record TagList(List<Tag> tags) {

    public TagList {
        tags = List.copyOf(tags);
    }

    /** The outcome of parsing: a tag list, or the reason it is not one. */
    public sealed interface Result {
        record Ok(TagList tags) implements Result {}

        record Invalid(String reason) implements Result {}
    }

    public Optional<Tag> tag(String name) {
        for (Tag t : tags) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public Optional<String> value(String name) {
        return tag(name).map(Tag::value);
    }

    public boolean has(String name) {
        return tag(name).isPresent();
    }

    public static Result parse(String text) {
        List<Tag> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int len = text.length();
        int start = 0;
        while (start <= len) {
            int semi = text.indexOf(';', start);
            int end = semi < 0 ? len : semi;
            int a = skipFws(text, start, end);
            if (a == end) {
                // Only whitespace: fine after the last ';' (or as an empty list), never before a ';'.
                if (semi >= 0) {
                    return new Result.Invalid("empty tag-spec (extra ';') at offset " + start);
                }
                break;
            }
            int eq = text.indexOf('=', a);
            if (eq < 0 || eq >= end) {
                return new Result.Invalid("tag without '=' at offset " + a);
            }
            String name = text.substring(a, trimFws(text, a, eq));
            if (!validName(name)) {
                return new Result.Invalid("invalid tag name '" + printable(name) + "'");
            }
            if (!seen.add(name)) {
                return new Result.Invalid("duplicate tag '" + name + "'");
            }
            int vs = skipFws(text, eq + 1, end);
            int ve = trimFws(text, vs, end);
            for (int i = vs; i < ve; i++) {
                char c = text.charAt(i);
                if (!(c >= 0x21 && c <= 0x7e) && !isFws(c)) {
                    return new Result.Invalid("invalid character in value of tag '" + name + "'");
                }
            }
            tags.add(new Tag(name, text.substring(vs, ve), vs, ve));
            if (semi < 0) {
                break;
            }
            start = semi + 1;
        }
        return new Result.Ok(new TagList(tags));
    }

    static boolean isFws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int skipFws(String s, int from, int to) {
        int i = from;
        while (i < to && isFws(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimFws(String s, int from, int to) {
        int i = to;
        while (i > from && isFws(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Keeps error messages readable and log-safe whatever bytes the sender put in. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
