package dev.smtpd4c.bounce.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The HTML reducer used for HTML-only bounces. */
class HtmlTest {
    @Test
    void entitiesDecodeAndLooseAmpersandsStay() {
        assertEquals("\na & b <x@y.example> \"q\"\n", Html.toText("<p>a &amp; b &lt;x@y.example&gt; &quot;q&quot;</p>"));
        // An entity is at most 8 characters: a '&' whose ';' is further away is text.
        assertEquals("x & and then the rest; & more", Html.toText("x & and then the rest; & more"));
        assertEquals("x  y   z", Html.toText("x &nbsp;y &zz; z"));
    }

    @Test
    void manyAmpersandsWithoutSemicolonAreKept() {
        String in = "&".repeat(300_000);
        assertEquals(in, Html.toText(in)); // was quadratic: every '&' looked for its ';' to the end
    }
}
