package dev.smtpd4c.auth.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Public Suffix List project's algorithm test (test_psl.txt, CC0): 78 checks. */
class PublicSuffixConformanceTest {

    private record Check(int line, String input, String expected) {}

    private static List<Check> load() throws IOException {
        List<Check> checks = new ArrayList<>();
        try (var in = PublicSuffixConformanceTest.class.getResourceAsStream("/conformance/dmarc-org-domain/test_psl.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                line = line.strip();
                if (!line.startsWith("checkPublicSuffix(")) {
                    continue; // comments, blank lines and commented-out checks
                }
                String args = line.substring("checkPublicSuffix(".length(), line.lastIndexOf(')'));
                int comma = args.indexOf(", ");
                checks.add(new Check(n, unquote(args.substring(0, comma)), unquote(args.substring(comma + 2))));
            }
        }
        return checks;
    }

    private static String unquote(String s) {
        s = s.strip();
        return s.equals("null") ? null : s.substring(1, s.length() - 1);
    }

    @TestFactory
    Stream<DynamicTest> publicSuffixList() throws IOException {
        return load().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + c.input(), () -> {
            String expected = c.expected() == null ? null : PublicSuffixOrganizationalDomains.normalise(c.expected());
            assertEquals(expected, PublicSuffixOrganizationalDomains.registrableDomain(c.input()));
        }));
    }

    @Test
    void allChecksAreThere() throws IOException {
        assertEquals(78, load().size());
    }
}
