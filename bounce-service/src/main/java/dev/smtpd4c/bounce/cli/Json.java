package dev.smtpd4c.bounce.cli;

import dev.smtpd4c.bounce.BounceRecord;

/** The CLI's JSON line, escaped by hand so the core needs no JSON library. */
final class Json {
    private Json() {}

    static String line(String file, BounceRecord r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "file", file).append(',');
        field(sb, "recipient", r.recipient()).append(',');
        field(sb, "status", r.status()).append(',');
        field(sb, "replycode", r.replyCode()).append(',');
        field(sb, "reason", r.reason()).append(',');
        sb.append("\"hardbounce\":").append(r.hardBounce()).append(',');
        field(sb, "smtpagent", r.decodedBy()).append(',');
        field(sb, "action", r.action()).append(',');
        field(sb, "feedbacktype", r.feedbackType()).append(',');
        field(sb, "diagnosticcode", r.diagnosticCode());
        return sb.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder sb, String k, String v) {
        sb.append('"').append(k).append("\":\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }
}
