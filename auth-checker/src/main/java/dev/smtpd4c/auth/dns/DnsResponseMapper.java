package dev.smtpd4c.auth.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The one place that turns a DNS response into a {@link DnsAnswer} status: NOERROR with records
 * is OK, NOERROR without is NODATA, NXDOMAIN is NXDOMAIN, and everything else (SERVFAIL — which
 * is also how a validating resolver reports bogus DNSSEC —, REFUSED, FORMERR, ...) is TEMPFAIL.
 * Protocols then map TEMPFAIL to their TEMPERROR and decide what an empty answer means.
 */
final class DnsResponseMapper {

    /** Negative answers without an SOA are kept this long (RFC 2308 leaves it to the resolver). */
    static final long DEFAULT_NEGATIVE_TTL = 60;

    /**
     * @param answer the mapped answer
     * @param ttlSeconds how long it may be cached
     * @param cnameTarget set when the answer stops at a CNAME whose target was not in the
     *     response; the caller asks again for that name
     */
    record Mapped<T>(DnsAnswer<T> answer, long ttlSeconds, Name cnameTarget) {}

    private DnsResponseMapper() {}

    static <T> Mapped<T> map(Message response, Name qname, int type, Function<Record, T> convert) {
        int rcode = response.getRcode();
        boolean ad = response.getHeader().getFlag(Flags.AD);
        if (rcode == Rcode.NXDOMAIN) {
            return new Mapped<>(new DnsAnswer<>(DnsAnswer.Status.NXDOMAIN, List.of(), qname + " does not exist", ad),
                    negativeTtl(response), null);
        }
        if (rcode != Rcode.NOERROR) {
            return new Mapped<>(DnsAnswer.of(DnsAnswer.Status.TEMPFAIL,
                    Rcode.string(rcode) + " for " + qname + "/" + Type.string(type) + extendedError(response)), 0,
                    null);
        }
        Name current = qname;
        List<T> records = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        List<Record> answers = response.getSection(Section.ANSWER);
        for (int hops = 0; hops < 16; hops++) {
            Name next = null;
            for (Record r : answers) {
                if (!r.getName().equals(current)) {
                    continue;
                }
                if (r.getType() == type) {
                    records.add(convert.apply(r));
                    ttl = Math.min(ttl, r.getTTL());
                } else if (r.getType() == Type.CNAME && type != Type.CNAME) {
                    next = ((CNAMERecord) r).getTarget();
                    ttl = Math.min(ttl, r.getTTL());
                }
            }
            if (!records.isEmpty() || next == null) {
                break;
            }
            current = next;
        }
        if (!records.isEmpty()) {
            return new Mapped<>(new DnsAnswer<>(DnsAnswer.Status.OK, records, "", ad), ttl, null);
        }
        Name follow = current.equals(qname) ? null : current;
        return new Mapped<>(new DnsAnswer<>(DnsAnswer.Status.NODATA, List.of(),
                qname + " has no " + Type.string(type) + " record", ad), negativeTtl(response), follow);
    }

    /** RFC 2308: the lesser of the SOA's own TTL and its MINIMUM field. */
    private static long negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Math.min(soa.getTTL(), soa.getMinimum());
            }
        }
        return DEFAULT_NEGATIVE_TTL;
    }

    /** RFC 8914 extended error text, e.g. "DNSSEC Bogus", so people can tell why it failed. */
    private static String extendedError(Message response) {
        OPTRecord opt = response.getOPT();
        if (opt == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (var option : opt.getOptions(org.xbill.DNS.EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
            if (option instanceof ExtendedErrorCodeOption ede) {
                sb.append(" (").append(ExtendedErrorCodeOption.text(ede.getErrorCode()));
                if (ede.getText() != null && !ede.getText().isEmpty()) {
                    sb.append(": ").append(ede.getText());
                }
                sb.append(')');
            }
        }
        return sb.toString();
    }
}
