package dev.smtpd4c.auth.dmarcreport;

import static dev.smtpd4c.auth.dmarcreport.DmarcReports.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DMARC aggregate reports read plain, gzip'd and zipped; hostile uploads stop at a limit with a reason. */
class AggregateReportReaderTest {

    private static final String REPORT = DmarcReports.xml("google.com", "1234567890", "shop.test", 1764288000L,
            1764374399L, "198.51.100.10,12,shop.test", "2001:DB8::0:25,3,news.shop.test");
    private final AggregateReportReader reader = new AggregateReportReader(ReportLimits.DEFAULT);

    @Test
    void plainGzipAndZipReportsReadTheSame() throws Exception {
        for (byte[] upload : new byte[][] {bytes(REPORT), DmarcReports.gzip(bytes(REPORT)),
                DmarcReports.zip("google.com!shop.test!1764288000!1764374399.xml", bytes(REPORT))}) {
            AggregateReport r = reader.read(upload);
            assertThat(r.orgName()).isEqualTo("google.com");
            assertThat(r.reportId()).isEqualTo("1234567890");
            assertThat(r.policyDomain()).isEqualTo("shop.test");
            assertThat(r.begin()).isEqualTo(Instant.ofEpochSecond(1764288000L));
            assertThat(r.end()).isEqualTo(Instant.ofEpochSecond(1764374399L));
            assertThat(r.rows()).containsExactly(new AggregateReport.Row("198.51.100.10", 12, "shop.test"),
                    new AggregateReport.Row("2001:db8::25", 3, "news.shop.test"));
        }
    }

    @Test
    void dmarcbisNamespacedReportsRead() throws Exception {
        String ns = REPORT.replace("<feedback>", "<feedback xmlns=\"urn:ietf:params:xml:ns:dmarc-2.0\">");
        assertThat(reader.read(bytes(ns)).rows()).hasSize(2);
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreText() throws Exception {
        String escaped = REPORT.replace("<org_name>google.com</org_name>", "<org_name>Mail &amp; Co &#x2764;</org_name>")
                .replace("<email>", "<extra_contact_info>&lt;x&gt;</extra_contact_info><email>");
        assertThat(reader.read(bytes(escaped)).orgName()).isEqualTo("Mail & Co \u2764");
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feedback [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feedback><report_metadata><org_name>&secret;</org_name></report_metadata></feedback>""";
        assertThatThrownBy(() -> reader.read(bytes(xxe))).isInstanceOf(ReportFormatException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionBombsAreRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feedback [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        lol.append("]>\n<feedback><report_metadata><org_name>&l9;</org_name></report_metadata></feedback>");
        assertThatThrownBy(() -> reader.read(bytes(lol.toString()))).isInstanceOf(ReportFormatException.class)
                .satisfies(e -> assertThat(((ReportFormatException) e).tooLarge()).isFalse());
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimit() {
        byte[] bomb = DmarcReports.gzipBomb(64L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> reader.read(bomb)).isInstanceOf(ReportFormatException.class)
                .satisfies(e -> assertThat(((ReportFormatException) e).tooLarge()).isTrue())
                .hasMessageContaining("decompresses to more than " + (32 << 20));
    }

    @Test
    void aZipBombStopsAtTheDecompressedLimit() {
        byte[] inner = new byte[48 << 20];
        Arrays.fill(inner, (byte) ' ');
        byte[] bomb = DmarcReports.zip("report.xml", inner);
        assertThatThrownBy(() -> reader.read(bomb)).isInstanceOf(ReportFormatException.class)
                .satisfies(e -> assertThat(((ReportFormatException) e).tooLarge()).isTrue());
    }

    @Test
    void rowsAndDepthAreBounded() {
        AggregateReportReader small = new AggregateReportReader(new ReportLimits(1 << 20, 1, 6, 2));
        assertThatThrownBy(() -> small.read(bytes(REPORT))).hasMessageContaining("more than 1 records");
        String deep = "<feedback>" + "<a>".repeat(10) + "</a>".repeat(10) + "</feedback>";
        assertThatThrownBy(() -> small.read(bytes(deep))).hasMessageContaining("nest deeper than 6");
    }

    @Test
    void malformedReportsSayWhatIsWrong() {
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read(bytes("<html><body>hi</body></html>"))).hasMessageContaining("<html>");
        assertThatThrownBy(() -> reader.read(bytes(REPORT.substring(0, REPORT.length() / 2))))
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> reader.read(bytes(REPORT.replace("198.51.100.10", "198.51.100.300"))))
                .hasMessageContaining("record 1: row/source_ip '198.51.100.300'");
        assertThatThrownBy(() -> reader.read(bytes(REPORT.replace("<count>3<", "<count>-3<"))))
                .hasMessageContaining("record 2: row/count");
        assertThatThrownBy(() -> reader.read(bytes(REPORT.replace("<header_from>news.shop.test", "<header_from>not a domain"))))
                .hasMessageContaining("identifiers/header_from");
        assertThatThrownBy(() -> reader.read(bytes(REPORT.replace("<report_id>1234567890</report_id>", ""))))
                .hasMessageContaining("report_id");
        assertThatThrownBy(() -> reader.read(bytes(REPORT.replace("<end>1764374399", "<end>1"))))
                .hasMessageContaining("before begin");
        byte[] gz = DmarcReports.gzip(bytes(REPORT));
        assertThatThrownBy(() -> reader.read(Arrays.copyOf(gz, gz.length / 2))).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> reader.read(DmarcReports.zip("dir/", new byte[0]))).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void randomJunkNeverEscapesAsAnythingButAFormatError() {
        Random random = new Random(20261129);
        byte[] report = bytes(REPORT);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = i % 2 == 0 ? new byte[random.nextInt(4096)] : report.clone();
            if (i % 2 == 0) {
                random.nextBytes(junk);
                if (i % 4 == 0 && junk.length > 4) {
                    junk[0] = 'P'; junk[1] = 'K'; junk[2] = 3; junk[3] = 4;
                } else if (i % 6 == 0 && junk.length > 2) {
                    junk[0] = 0x1f; junk[1] = (byte) 0x8b;
                }
            } else {
                for (int k = 0; k < 5; k++) {
                    junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                reader.read(junk);
            } catch (ReportFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
