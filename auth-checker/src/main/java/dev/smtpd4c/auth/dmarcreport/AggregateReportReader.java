package dev.smtpd4c.auth.dmarcreport;

import com.google.common.net.InetAddresses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a DMARC aggregate report as mailbox providers send it: plain XML, gzip, or a zip holding
 * one XML file. Streaming and linear in the input; no DTD, no entities, nothing fetched; the
 * decompressed size, the number of rows and the nesting depth are bounded by {@link ReportLimits}.
 * Element names are matched without namespace, so RFC 7489 and RFC 9990 reports both read. The
 * XML must be UTF-8 (as every provider sends it); an encoding declaration is not followed.
 */
public final class AggregateReportReader {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_TEXT = 1024;

    private final ReportLimits limits;
    private final XMLInputFactory factory;

    public AggregateReportReader(ReportLimits limits) {
        this.limits = limits;
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Errors are thrown and answered to the uploader; the parser must not also print them.
        factory.setXMLReporter((message, type, info, location) -> { });
    }

    public AggregateReport read(byte[] upload) throws ReportFormatException {
        if (upload == null || upload.length == 0) {
            throw new ReportFormatException("the body is empty; send the report as XML, .xml.gz or .zip", false);
        }
        try {
            if (upload.length >= 2 && (upload[0] & 0xff) == 0x1f && (upload[1] & 0xff) == 0x8b) {
                return parse(new GZIPInputStream(new ByteArrayInputStream(upload)), "gzip");
            }
            if (upload.length >= 4 && upload[0] == 'P' && upload[1] == 'K' && upload[2] == 3 && upload[3] == 4) {
                return fromZip(new ZipInputStream(new ByteArrayInputStream(upload)));
            }
            return parse(new ByteArrayInputStream(upload), "XML");
        } catch (IOException e) {
            throw new ReportFormatException("the compressed report cannot be read: " + e.getMessage(), false);
        }
    }

    private AggregateReport fromZip(ZipInputStream zip) throws IOException, ReportFormatException {
        for (int i = 0; i < limits.maxZipEntries(); i++) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                break;
            }
            if (!entry.isDirectory()) {
                return parse(zip, "zip entry " + entry.getName());
            }
        }
        throw new ReportFormatException("the zip archive holds no report file within its first "
                + limits.maxZipEntries() + " entries", false);
    }

    private AggregateReport parse(InputStream raw, String what) throws ReportFormatException {
        LimitedInputStream in = new LimitedInputStream(raw, limits.maxXmlBytes());
        XMLStreamReader xml = null;
        try {
            // Decoded here, strictly: the parser's own UTF-8 reader prints bad bytes to stderr as well as failing.
            xml = factory.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            return walk(xml);
        } catch (XMLStreamException | RuntimeException e) {
            if (in.exceeded()) {
                throw tooLarge(what);
            }
            String where = e instanceof XMLStreamException x && x.getLocation() != null
                    ? " (line " + x.getLocation().getLineNumber() + ", column " + x.getLocation().getColumnNumber() + ")" : "";
            throw new ReportFormatException("the " + what + " is not well-formed XML" + where + ": "
                    + firstLine(e.getMessage()), false);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but the input, which is in memory
                }
            }
        }
    }

    private ReportFormatException tooLarge(String what) {
        return new ReportFormatException("the " + what + " decompresses to more than " + limits.maxXmlBytes()
                + " bytes; larger reports are refused", true);
    }

    private AggregateReport walk(XMLStreamReader xml) throws XMLStreamException, ReportFormatException {
        Deque<String> path = new ArrayDeque<>();
        Fields report = new Fields();
        List<AggregateReport.Row> rows = new ArrayList<>();
        Fields record = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                    throw new ReportFormatException("document type declarations and entities are not accepted", false);
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    if (path.isEmpty() && !name.equals("feedback")) {
                        throw new ReportFormatException("the root element is <" + name + ">, not <feedback>", false);
                    }
                    if (path.size() >= limits.maxDepth()) {
                        throw new ReportFormatException("elements nest deeper than " + limits.maxDepth(), false);
                    }
                    path.push(name);
                    String at = String.join("/", path.reversed());
                    switch (at) {
                        case "feedback/record" -> {
                            if (rows.size() >= limits.maxRecords()) {
                                throw new ReportFormatException("the report has more than " + limits.maxRecords()
                                        + " records; split it", true);
                            }
                            record = new Fields();
                        }
                        case "feedback/report_metadata/org_name" -> report.org = text(xml, path);
                        case "feedback/report_metadata/report_id" -> report.id = text(xml, path);
                        case "feedback/report_metadata/date_range/begin" -> report.begin = text(xml, path);
                        case "feedback/report_metadata/date_range/end" -> report.end = text(xml, path);
                        case "feedback/policy_published/domain" -> report.domain = text(xml, path);
                        case "feedback/record/row/source_ip" -> record.ip = text(xml, path);
                        case "feedback/record/row/count" -> record.count = text(xml, path);
                        case "feedback/record/identifiers/header_from" -> record.from = text(xml, path);
                        default -> { }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (path.size() == 2 && "record".equals(path.peek())) {
                        rows.add(row(record, rows.size() + 1));
                        record = null;
                    }
                    path.pop();
                }
                default -> { }
            }
        }
        return report(report, rows);
    }

    /** Reads a leaf's text (getElementText consumes its end tag, so the path is popped here). */
    private static String text(XMLStreamReader xml, Deque<String> path) throws XMLStreamException, ReportFormatException {
        String name = path.pop();
        String text = xml.getElementText().strip();
        if (text.length() > MAX_TEXT) {
            throw new ReportFormatException("<" + name + "> is longer than " + MAX_TEXT + " characters", false);
        }
        return text;
    }

    private static AggregateReport.Row row(Fields r, int n) throws ReportFormatException {
        if (r.ip == null || !InetAddresses.isInetAddress(r.ip)) {
            throw new ReportFormatException("record " + n + ": row/source_ip '" + nullToEmpty(r.ip)
                    + "' is not an IP address", false);
        }
        long count = number("record " + n + ": row/count", r.count);
        String from = domain("record " + n + ": identifiers/header_from", r.from);
        return new AggregateReport.Row(InetAddresses.toAddrString(InetAddresses.forString(r.ip)), count, from);
    }

    private static AggregateReport report(Fields f, List<AggregateReport.Row> rows) throws ReportFormatException {
        if (f.org == null || f.org.isEmpty() || f.id == null || f.id.isEmpty()) {
            throw new ReportFormatException("report_metadata needs org_name and report_id", false);
        }
        String domain = domain("policy_published/domain", f.domain);
        long begin = number("report_metadata/date_range/begin", f.begin);
        long end = number("report_metadata/date_range/end", f.end);
        if (end < begin || end > 253402300799L) {
            throw new ReportFormatException("report_metadata/date_range: end " + end + " is before begin " + begin
                    + " or not a time", false);
        }
        return new AggregateReport(f.org, f.id, domain, Instant.ofEpochSecond(begin), Instant.ofEpochSecond(end), rows);
    }

    private static long number(String field, String text) throws ReportFormatException {
        if (text == null || !text.matches("[0-9]{1,15}")) {
            throw new ReportFormatException(field + " '" + nullToEmpty(text) + "' is not a whole number", false);
        }
        return Long.parseLong(text);
    }

    private static String domain(String field, String text) throws ReportFormatException {
        String d = text == null ? "" : text.toLowerCase(Locale.ROOT);
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        if (!DOMAIN.matcher(d).matches()) {
            throw new ReportFormatException(field + " '" + nullToEmpty(text) + "' is not a domain name", false);
        }
        return d;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(s);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Text collected for the report or one record. */
    private static final class Fields {
        String org;
        String id;
        String begin;
        String end;
        String domain;
        String ip;
        String count;
        String from;
    }
}
