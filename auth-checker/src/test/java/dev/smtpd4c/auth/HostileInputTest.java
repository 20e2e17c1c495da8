package dev.smtpd4c.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.smtpd4c.auth.dmarc.DmarcRecordParser;
import dev.smtpd4c.auth.spf.SpfLinter;
import dev.smtpd4c.auth.spf.SpfParser;
import dev.smtpd4c.auth.spf.SpfSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Feeds junk to every record parser: they may reject it, but must not crash or run long. */
class HostileInputTest {

    private static List<String> junk() {
        List<String> out = new ArrayList<>(List.of("", "v=spf1", "v=spf1 " + "a/".repeat(50_000),
                "v=spf1 " + "%{".repeat(50_000), "v=spf1 exists:" + "%{ir}.".repeat(20_000) + "x",
                "v=spf1 ip6:" + ":".repeat(10_000), "v=spf1 a:" + "9".repeat(100_000) + "//" + "9".repeat(10_000),
                "v=spf1 " + "include:x.example ".repeat(10_000), "v=DMARC1;" + "rua=mailto:@,".repeat(10_000),
                "v=DMARC1; p=\u0000\uffff\ud800", "v=spf1 \u00ef\u00bb\u00bf -all"));
        Random random = new Random(7208);
        String alphabet = "v=spf1DMARC;:/%{}._-+~?!@,ip46axlremtsd0123456789 \t\r\n\u0080\u00ff";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "v=spf1 " : "v=DMARC1; ");
            int len = random.nextInt(200);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void parsersRejectOrAcceptButNeverCrash() {
        List<String> inputs = junk();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String s : inputs) {
                try {
                    SpfParser.parse(s);
                } catch (SpfSyntaxException expected) {
                    assertThat(expected.position()).isBetween(0, s.length());
                }
                DmarcRecordParser.parse(s);
                assertThat(SpfLinter.lintText("junk.test", s)).isNotNull();
            }
        });
    }
}
