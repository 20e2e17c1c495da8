package dev.smtpd4c.optin.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainTyposTest {

    private static final DomainTypos TYPOS = DomainTypos.builtIn();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gmial.com, gmail.com", "gmai.com, gmail.com", "gmail.co, gmail.com", "gmail.cmo, gmail.com",
        "gnail.com, gmail.com", "hotmial.com, hotmail.com", "hotmail.con, hotmail.com", "yaho.com, yahoo.com",
        "yahooo.com, yahoo.com", "outlok.com, outlook.com", "iclod.com, icloud.com", "gmx.dee, gmx.de",
        "hotmail.co.ku, hotmail.co.uk", "protonmial.com, protonmail.com"})
    void suggestsTheProviderMeant(String typed, String meant) {
        assertThat(TYPOS.suggest(typed)).contains(meant);
    }

    @ParameterizedTest
    @CsvSource({"gmail.com", "gmx.at", "gmx.de", "mail.com", "email.com", "example.org", "optin.test", "smtpd4c.test",
        "verylongcorporatedomain.example"})
    void leavesKnownAndUnrelatedDomainsAlone(String domain) {
        assertThat(TYPOS.suggest(domain)).isEmpty();
    }

    @Test
    void distanceCountsATranspositionAsOneEdit() {
        assertThat(DomainTypos.distance("gmial.com", "gmail.com", 2)).isEqualTo(1);
        assertThat(DomainTypos.distance("abc", "abc", 2)).isZero();
        assertThat(DomainTypos.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(DomainTypos.distance("kitten", "sitting", 1)).isEqualTo(2); // gave up past the limit
        assertThat(DomainTypos.distance("a".repeat(10_000), "gmail.com", 2)).isEqualTo(3);
    }

    @Test
    void disposableListMatchesSubdomainsAndReadsFiles(@TempDir Path dir) throws Exception {
        DisposableDomains builtIn = DisposableDomains.builtIn();
        assertThat(builtIn.contains("mailinator.com")).isTrue();
        assertThat(builtIn.contains("eu.mailinator.com")).isTrue();
        assertThat(builtIn.contains("mailinator.com.smtpd4c.test")).isFalse(); // parents count, not substrings
        assertThat(builtIn.size()).isGreaterThan(50_000);
        assertThat(builtIn.contains("gmail.com")).isFalse();

        Path file = dir.resolve("disposable.txt");
        Files.write(file, List.of("# our own list", "Throwaway.TEST  # upper case is fine", "", "bücher.example"));
        DisposableDomains custom = DisposableDomains.fromFile(file);
        assertThat(custom.size()).isEqualTo(2);
        assertThat(custom.contains("throwaway.test")).isTrue();
        assertThat(custom.contains("xn--bcher-kva.example")).isTrue();
        assertThat(custom.contains("mailinator.com")).isFalse();
    }
}
