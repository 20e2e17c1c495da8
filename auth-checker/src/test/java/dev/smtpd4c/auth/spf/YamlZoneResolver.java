package dev.smtpd4c.auth.spf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the {@code zonedata} of one openspf scenario. Test code only: the suite's zones contain
 * things no real server can serve (TIMEOUT, labels over 63 octets, raw bytes), so they are fed to
 * the evaluator through the resolver interface, following the suite's documented driver rules:
 * an SPF RR is also a TXT RR when the name has no TXT of its own; a bare TIMEOUT times out every
 * query of that name that has not yet matched a record; a {TYPE: TIMEOUT} times out that type;
 * absent names are NXDOMAIN except names starting "error.", which time out; labels over 63
 * octets time out and empty labels are dropped (what the pyspf driver's DNS library does).
 */
public final class YamlZoneResolver implements DnsResolver {

    /** One zone entry: a type and a value, or the bare TIMEOUT marker (type null). */
    private record Entry(String type, JsonNode value) {}

    private final Map<String, List<Entry>> zone = new HashMap<>();

    public YamlZoneResolver(JsonNode zonedata) {
        if (zonedata == null) {
            return;
        }
        zonedata.fields().forEachRemaining(e -> zone.put(e.getKey().toLowerCase(Locale.ROOT), entries(e.getValue())));
    }

    private static List<Entry> entries(JsonNode list) {
        List<Entry> out = new ArrayList<>();
        List<Entry> generatedTxt = new ArrayList<>();
        boolean hasTxt = false;
        for (JsonNode item : list) {
            if (item.isTextual()) {
                out.add(new Entry(null, item)); // TIMEOUT
                continue;
            }
            var field = item.fields().next();
            String type = field.getKey();
            JsonNode value = field.getValue();
            if (type.equals("TXT")) {
                hasTxt = true;
            } else if (type.equals("SPF")) {
                generatedTxt.add(new Entry("TXT", value));
            }
            if (!(value.isTextual() && value.asText().equals("NONE"))) {
                out.add(new Entry(type, value));
            }
        }
        if (!hasTxt) {
            out.addAll(generatedTxt);
        }
        return out;
    }

    private sealed interface Lookup permits Found, Failed {}

    private record Found(List<JsonNode> values, boolean exists) implements Lookup {}

    private record Failed(DnsAnswer.Status status, String why) implements Lookup {}

    private Lookup lookup(String rawName, String type, int depth) {
        StringBuilder sb = new StringBuilder();
        for (String label : rawName.split("\\.")) {
            if (label.isEmpty()) {
                continue;
            }
            if (label.length() > 63) {
                return new Failed(DnsAnswer.Status.TEMPFAIL, "DNS label too long");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(label);
        }
        String name = sb.toString().toLowerCase(Locale.ROOT);
        List<Entry> entries = zone.get(name);
        if (entries == null) {
            return name.startsWith("error.")
                    ? new Failed(DnsAnswer.Status.TEMPFAIL, "timeout")
                    : new Failed(DnsAnswer.Status.NXDOMAIN, "");
        }
        boolean seen = false;
        List<JsonNode> values = new ArrayList<>();
        for (Entry e : entries) {
            if (e.type() == null) {
                if (!seen) {
                    return new Failed(DnsAnswer.Status.TEMPFAIL, "timeout");
                }
                break;
            }
            if (e.type().equals("CNAME") && !type.equals("CNAME") && depth < 10) {
                return lookup(e.value().asText(), type, depth + 1);
            }
            if (e.type().equals(type)) {
                seen = true;
                if (e.value().isTextual() && e.value().asText().equals("TIMEOUT")) {
                    return new Failed(DnsAnswer.Status.TEMPFAIL, "timeout");
                }
                values.add(e.value());
            }
        }
        return new Found(values, true);
    }

    private <T> DnsAnswer<T> answer(String name, String type, java.util.function.Function<JsonNode, T> map) {
        Lookup l = lookup(name, type, 0);
        if (l instanceof Failed f) {
            return DnsAnswer.of(f.status(), f.why());
        }
        List<T> out = new ArrayList<>();
        for (JsonNode v : ((Found) l).values()) {
            out.add(map.apply(v));
        }
        return DnsAnswer.ok(out);
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return answer(name, "TXT", YamlZoneResolver::joinStrings);
    }

    private static String joinStrings(JsonNode v) {
        if (!v.isArray()) {
            return v.asText();
        }
        StringBuilder sb = new StringBuilder();
        v.forEach(s -> sb.append(s.asText()));
        return sb.toString();
    }

    @Override
    public DnsAnswer<String> a(String name) {
        return answer(name, "A", JsonNode::asText);
    }

    @Override
    public DnsAnswer<String> aaaa(String name) {
        return answer(name, "AAAA", JsonNode::asText);
    }

    @Override
    public DnsAnswer<Mx> mx(String name) {
        return answer(name, "MX", v -> new Mx(v.get(0).asInt(), v.get(1).asText()));
    }

    @Override
    public DnsAnswer<String> ptr(String ipAddress) {
        return answer(IpAddress.parse(ipAddress).reverseName(), "PTR", JsonNode::asText);
    }
}
