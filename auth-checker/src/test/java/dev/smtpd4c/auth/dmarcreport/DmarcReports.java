package dev.smtpd4c.auth.dmarcreport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** DMARC aggregate reports as a mailbox provider sends them, made here for tests. */
public final class DmarcReports {

    private DmarcReports() {}

    /** A report of {@code policyDomain}; each row is "ip,count,headerFrom". */
    public static String xml(String org, String id, String policyDomain, long begin, long end, String... rows) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feedback>
                  <version>1.0</version>
                  <report_metadata>
                    <org_name>%s</org_name>
                    <email>noreply-dmarc@%s</email>
                    <report_id>%s</report_id>
                    <date_range><begin>%d</begin><end>%d</end></date_range>
                  </report_metadata>
                  <policy_published><domain>%s</domain><adkim>r</adkim><aspf>r</aspf><p>reject</p><pct>100</pct></policy_published>
                """.formatted(org, org, id, begin, end, policyDomain));
        for (String row : rows) {
            String[] f = row.split(",");
            sb.append("""
                      <record>
                        <row><source_ip>%s</source_ip><count>%s</count>
                          <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated>
                        </row>
                        <identifiers><header_from>%s</header_from><envelope_from>%s</envelope_from></identifiers>
                        <auth_results><spf><domain>%s</domain><result>pass</result></spf></auth_results>
                      </record>
                    """.formatted(f[0], f[1], f[2], f[2], f[2]));
        }
        return sb.append("</feedback>\n").toString();
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] zip(String name, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzip member that inflates to {@code bytes} bytes of '<' after a report's opening: about 1000:1. */
    public static byte[] gzipBomb(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write("<?xml version=\"1.0\"?><feedback><report_metadata><org_name>".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'a');
            for (long n = 0; n < bytes; n += block.length) {
                gz.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
