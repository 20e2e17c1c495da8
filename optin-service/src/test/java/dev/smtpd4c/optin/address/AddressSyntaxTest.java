package dev.smtpd4c.optin.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressSyntaxTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            alice@example.org                    | alice@example.org
            Alice.Smith@Example.ORG              | alice.smith@example.org
            '  bob@example.org  '                | bob@example.org
            a+tag@example.org                    | a+tag@example.org
            !#$%&'*+-/=?^_`{}~@example.org       | !#$%&'*+-/=?^_`{}~@example.org
            "joe"@example.org                    | joe@example.org
            "john doe"@example.org               | "john doe"@example.org
            "a\\"b"@example.org                  | "a\\"b"@example.org
            "a\\b"@example.org                   | ab@example.org
            "a@b"@example.org                    | "a@b"@example.org
            user@bücher.example                  | user@xn--bcher-kva.example
            user@BÜCHER.example                  | user@xn--bcher-kva.example
            user@例え.テスト                        | user@xn--r8jz45g.xn--zckzah
            用户@例え.テスト                        | 用户@xn--r8jz45g.xn--zckzah
            josé@example.org                     | josé@example.org
            user@xn--bcher-kva.example           | user@xn--bcher-kva.example
            user@a-b.example                     | user@a-b.example
            user@123.example                     | user@123.example
            """)
    void acceptsAndNormalises(String input, String expected) {
        SyntaxResult r = AddressSyntax.check(input);
        assertThat(r.problem()).as(input).isNull();
        assertThat(r.address().toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | EMPTY
            '   '                                | EMPTY
            plainaddress                         | NO_AT
            @example.org                         | LOCAL_PART_EMPTY
            alice@                               | DOMAIN_EMPTY
            .alice@example.org                   | LOCAL_PART_SYNTAX
            alice.@example.org                   | LOCAL_PART_SYNTAX
            al..ice@example.org                  | LOCAL_PART_SYNTAX
            al ice@example.org                   | LOCAL_PART_SYNTAX
            al(ice)@example.org                  | LOCAL_PART_SYNTAX
            "unclosed@example.org                | LOCAL_PART_SYNTAX
            "a"b@example.org                     | LOCAL_PART_SYNTAX
            ""@example.org                       | LOCAL_PART_EMPTY
            a@b@example.org                      | DOMAIN_SYNTAX
            alice@[192.0.2.1]                    | ADDRESS_LITERAL
            alice@[IPv6:2001:db8::1]             | ADDRESS_LITERAL
            alice@localhost                      | NO_TOP_LEVEL_DOMAIN
            alice@example..org                   | DOMAIN_SYNTAX
            alice@.example.org                   | DOMAIN_SYNTAX
            alice@example.org.                   | DOMAIN_SYNTAX
            alice@-example.org                   | DOMAIN_SYNTAX
            alice@example-.org                   | DOMAIN_SYNTAX
            alice@exa_mple.org                   | DOMAIN_SYNTAX
            alice@192.0.2.1                      | DOMAIN_SYNTAX
            alice@exa mple.org                   | DOMAIN_SYNTAX
            """)
    void refuses(String input, AddressProblem expected) {
        assertThat(AddressSyntax.check(input).problem()).as(input).isEqualTo(expected);
    }

    @Test
    void lengthLimitsCountOctets() {
        String local64 = "a".repeat(64);
        assertThat(AddressSyntax.check(local64 + "@example.org").isValid()).isTrue();
        assertThat(AddressSyntax.check(local64 + "a@example.org").problem()).isEqualTo(AddressProblem.LOCAL_PART_TOO_LONG);
        // 32 two-octet characters = 64 octets fit; 33 do not
        assertThat(AddressSyntax.check("é".repeat(32) + "@example.org").isValid()).isTrue();
        assertThat(AddressSyntax.check("é".repeat(33) + "@example.org").problem()).isEqualTo(AddressProblem.LOCAL_PART_TOO_LONG);
        String label63 = "l".repeat(63);
        assertThat(AddressSyntax.check("a@" + label63 + ".org").isValid()).isTrue();
        assertThat(AddressSyntax.check("a@" + label63 + "l.org").problem()).isEqualTo(AddressProblem.DOMAIN_SYNTAX);
        // domain of 4 x 63 + 3 dots = 255 characters
        String longDomain = String.join(".", label63, label63, label63, label63);
        assertThat(AddressSyntax.check("a@" + longDomain).problem()).isEqualTo(AddressProblem.DOMAIN_TOO_LONG);
        // each part within its limit, together over 254 octets
        String domain190 = String.join(".", label63, label63, "l".repeat(62));
        assertThat(AddressSyntax.check(local64 + "@" + domain190).problem()).isEqualTo(AddressProblem.TOO_LONG);
        assertThat(AddressSyntax.check("a".repeat(100_000)).problem()).isEqualTo(AddressProblem.TOO_LONG);
    }

    @Test
    void utf8LocalPartsNeedSmtpUtf8AndAreInNfc() {
        SyntaxResult decomposed = AddressSyntax.check("jose\u0301@example.org"); // e + combining acute
        assertThat(decomposed.address().localPart()).isEqualTo("jos\u00e9");
        assertThat(decomposed.smtpUtf8()).isTrue();
        assertThat(AddressSyntax.check("jose@bücher.example").smtpUtf8()).as("IDN domains go as A-labels").isFalse();
        assertThat(AddressSyntax.check("a\u0085b@example.org").problem()).as("C1 control").isEqualTo(AddressProblem.LOCAL_PART_SYNTAX);
        assertThat(AddressSyntax.check("a\u00a0b@example.org").problem()).as("no-break space").isEqualTo(AddressProblem.LOCAL_PART_SYNTAX);
        assertThat(AddressSyntax.check("a\ud800b@example.org").problem()).as("lone surrogate").isEqualTo(AddressProblem.LOCAL_PART_SYNTAX);
    }

    /** Junk of every shape: never an exception, always a result, and a valid one re-checks to itself. */
    @Test
    void junkNeverThrowsAndNormalFormIsStable() {
        Random random = new Random(20261129);
        String alphabet = "aZ09.@\"\\ []-_()<>,;:é€\u0000\u0301\ud83d\ude00\ud800xn--";
        for (int n = 0; n < 50_000; n++) {
            int len = random.nextInt(n % 100 == 0 ? 2_000 : 40);
            StringBuilder b = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            SyntaxResult r = AddressSyntax.check(b.toString());
            assertThat(r.isValid() ^ r.problem() != null).isTrue();
            if (r.isValid()) {
                assertThat(AddressSyntax.check(r.address().toString()).address()).isEqualTo(r.address());
            }
        }
        // hostile shapes that make backtracking parsers slow: here one pass each
        for (String hostile : new String[] {"\"" + "\\\"".repeat(500), "a.".repeat(500) + "@x", "@".repeat(1000),
                "a@" + "a.".repeat(126) + "a", "a@" + "ü".repeat(250)}) {
            assertThat(AddressSyntax.check(hostile).isValid()).isFalse();
        }
    }
}
