package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagListTest {

    private static TagList ok(String text) {
        return assertInstanceOf(TagList.Result.Ok.class, TagList.parse(text)).tags();
    }

    @Test
    void readsTagsWithFoldingWhitespace() {
        TagList t = ok(" v = 1 ;\r\n\ta=rsa-sha256; b=abc\r\n def ; x=");
        assertEquals("1", t.value("v").orElseThrow());
        assertEquals("abc\r\n def", t.value("b").orElseThrow());
        assertEquals("abcdef", t.tag("b").orElseThrow().compactValue());
        assertEquals("", t.value("x").orElseThrow());
    }

    @Test
    void recordsValuePositionsForEmptyingB() {
        String text = "a=1; b=XYZ ; bh=Q";
        Tag b = ok(text).tag("b").orElseThrow();
        assertEquals("XYZ", text.substring(b.valueStart(), b.valueEnd()));
    }

    @Test
    void allowsOneTrailingSemicolonAndTheEmptyList() {
        assertEquals(1, ok("a=1; ").tags().size());
        assertEquals(0, ok("").tags().size());
        assertEquals(0, ok(" \r\n ").tags().size());
    }

    @Test
    void tagNamesAreCaseSensitive() {
        TagList t = ok("H=from");
        assertEquals(false, t.has("h"));
    }

    @Test
    void decimalsAreStrictAndSaturate() {
        assertEquals(12345, TagValues.decimal("12345", 12));
        assertEquals(-1, TagValues.decimal("1 2345", 12));
        assertEquals(-1, TagValues.decimal("", 12));
        assertEquals(-1, TagValues.decimal("-1", 12));
        assertEquals(-1, TagValues.decimal("1234567890123", 12));
        assertEquals(Long.MAX_VALUE, TagValues.decimal("9".repeat(76), 76));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1;;b=2", "a=1; ;", ";", "a=1; a=2", "=1", "_a=1", "a b=1", "a", "a=1; b",
            "a=\u0001", "a=caf\u00e9", "a=1;b=2;;"})
    void rejectsMalformedLists(String text) {
        assertInstanceOf(TagList.Result.Invalid.class, TagList.parse(text));
    }
}
