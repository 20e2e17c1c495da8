package dev.smtpd4c.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcRecordParserTest {

    @Test
    void fullRecord() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; t=y; "
                + "psd=n; rua=mailto:a@example.com,mailto:b@reports.example!10m; ruf=mailto:f@example.com; fo=1:d");
        assertThat(r.policy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.subdomainPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(r.nonExistentPolicy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.dkimAlignment()).isEqualTo(Alignment.STRICT);
        assertThat(r.spfAlignment()).isEqualTo(Alignment.RELAXED);
        assertThat(r.testing()).isTrue();
        assertThat(r.psd()).isEqualTo('n');
        assertThat(r.rua()).containsExactly("mailto:a@example.com", "mailto:b@reports.example");
        assertThat(r.ruf()).containsExactly("mailto:f@example.com");
        assertThat(r.failureOptions()).containsExactlyInAnyOrder("1", "d");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void defaults() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1;p=none");
        assertThat(r.subdomainPolicy()).isNull();
        assertThat(r.dkimAlignment()).isEqualTo(Alignment.RELAXED);
        assertThat(r.testing()).isFalse();
        assertThat(r.psd()).isEqualTo('u');
        assertThat(r.failureOptions()).containsExactly("0");
    }

    @Test
    void invalidValuesFallBackToDefaultsWithFindings() {
        DmarcRecord r = DmarcRecordParser.parse(
                "v=DMARC1; p=block; adkim=x; aspf=r; pct=200; fo=9; rua=http://x.example; psd=maybe; p=reject");
        assertThat(r.policy()).isEqualTo(DmarcPolicy.NONE);
        assertThat(r.dkimAlignment()).isEqualTo(Alignment.RELAXED);
        assertThat(r.rua()).isEmpty();
        assertThat(r.findings()).extracting(DmarcFinding::tag)
                .containsExactlyInAnyOrder("p", "adkim", "pct", "fo", "rua", "psd", "p");
        assertThat(r.findings()).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void missingPolicyIsNoneAndReported() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; rua=mailto:d@example.com");
        assertThat(r.policy()).isEqualTo(DmarcPolicy.NONE);
        assertThat(r.findings()).extracting(DmarcFinding::tag).containsExactly("p");
    }

    @Test
    void legacyPctZeroMeansTesting() {
        assertThat(DmarcRecordParser.parse("v=DMARC1; p=reject; pct=0").testing()).isTrue();
        DmarcRecord half = DmarcRecordParser.parse("v=DMARC1; p=reject; pct=50");
        assertThat(half.testing()).isFalse();
        assertThat(half.findings()).extracting(DmarcFinding::severity).containsExactly(Severity.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=DMARC2; p=reject", "p=reject; v=DMARC1", "v=dmarc1; p=none", "v=DMARC1p=none", "",
        "v=spf1 -all", "v"})
    void notDmarcRecords(String text) {
        assertThat(DmarcRecordParser.parse(text)).isNull();
    }

    @Test
    void hostileInputNeverThrows() {
        assertThat(DmarcRecordParser.parse("v=DMARC1;" + ";=;".repeat(10_000) + "p=" + "x".repeat(100_000))).isNotNull();
        assertThat(DmarcRecordParser.parse("v=DMARC1; rua=" + ",".repeat(10_000)).rua()).isEmpty();
    }

    @Test
    void treeWalkQueriesAtMostEightNames() {
        assertThat(DmarcDiscovery.walk("a.b.c.d.e.f.g.h.i.j.example.com")).containsExactly(
                "a.b.c.d.e.f.g.h.i.j.example.com", "f.g.h.i.j.example.com", "g.h.i.j.example.com",
                "h.i.j.example.com", "i.j.example.com", "j.example.com", "example.com", "com");
        assertThat(DmarcDiscovery.walk("Mail.Example.COM.")).containsExactly("mail.example.com", "example.com", "com");
    }
}
