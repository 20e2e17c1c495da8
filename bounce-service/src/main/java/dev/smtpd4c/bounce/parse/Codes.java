package dev.smtpd4c.bounce.parse;

import java.util.Locale;

/** Finds SMTP reply codes, enhanced status codes and SMTP commands in error text, by bounded scanning. */
public final class Codes {
    private Codes() {}

    /** The first enhanced status code (class 2, 4 or 5; RFC 3463) in the text, or "". */
    public static String status(String s) {
        int n = s.length();
        for (int i = 0; i + 4 < n; i++) {
            char c = s.charAt(i);
            if ((c != '2' && c != '4' && c != '5') || s.charAt(i + 1) != '.') continue;
            if (i > 0 && (Character.isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) continue;
            int j = digits(s, i + 2, 3);
            if (j < 0 || j >= n || s.charAt(j) != '.') continue;
            int k = digits(s, j + 1, 3);
            if (k < 0) continue;
            if (k < n && (Character.isDigit(s.charAt(k)) || s.charAt(k) == '.' && k + 1 < n && Character.isDigit(s.charAt(k + 1)))) continue; // an IP address
            return s.substring(i, k);
        }
        return "";
    }

    /**
     * The enhanced code of a remote reply the MTA quotes in angle brackets after its own summary,
     * or "": Amazon SES and WorkMail write "554 4.4.7 Message expired: unable to deliver in 840
     * minutes.<421 4.4.2 Connection timed out>", where 4.4.7 only says the MTA gave up and the
     * quoted reply is the last answer it got, i.e. the cause.
     */
    public static String quotedStatus(String s) {
        for (int i = s.indexOf('<'); i >= 0 && i + 6 < s.length(); i = s.indexOf('<', i + 1)) {
            if (i == 0 || !Character.isDigit(s.charAt(i + 1)) || !Character.isDigit(s.charAt(i + 2))
                    || !Character.isDigit(s.charAt(i + 3)) || s.charAt(i + 4) != ' ') continue;
            String st = status(s.substring(i + 5, Math.min(s.length(), i + 20)));
            if (!st.isEmpty() && s.startsWith(st, i + 5)) return st;
        }
        return "";
    }

    /** End index of 1..max digits starting at i, or -1. */
    private static int digits(String s, int i, int max) {
        int j = i;
        while (j < s.length() && j - i < max && Character.isDigit(s.charAt(j))) j++;
        if (j == i || j < s.length() && Character.isDigit(s.charAt(j))) return -1;
        return j;
    }

    /** The first SMTP reply code (2xx, 4xx, 5xx standing alone) in the text, or "". */
    public static String reply(String s) {
        int n = s.length();
        for (int i = 0; i + 2 < n; i++) {
            char c = s.charAt(i);
            if (c != '2' && c != '4' && c != '5') continue;
            if (i > 0 && !boundary(s.charAt(i - 1))) continue;
            if (!Character.isDigit(s.charAt(i + 1)) || !Character.isDigit(s.charAt(i + 2))) continue;
            char d = s.charAt(i + 1);
            if (d > '5') continue;
            if (i + 3 < n && !(s.charAt(i + 3) == ' ' || s.charAt(i + 3) == '-' || s.charAt(i + 3) == ')'
                    || s.charAt(i + 3) == ']' || s.charAt(i + 3) == ',' || s.charAt(i + 3) == '\n')) continue;
            return s.substring(i, i + 3);
        }
        return "";
    }

    private static boolean boundary(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == ':' || c == '"' || c == '<' || c == '=';
    }

    /** x.0.0 codes say only "failed" and are overridden by a more precise code from the text. */
    public static boolean isGeneric(String status) {
        return status.length() == 5 && status.endsWith(".0.0") || status.startsWith("5.0.9") || status.startsWith("4.0.9");
    }

    /** The SMTP command an error text says it answered, or "". */
    public static String command(String diag) {
        String d = diag.toLowerCase(Locale.ROOT);
        // qmail's "does not like recipient" and "SMTP:RCPT host" (X3) answer RCPT TO as well.
        // Each group is looked for only when its keyword occurs at all: most texts name no command.
        boolean rcpt = d.contains("rcpt");
        if (rcpt && (d.contains("rcpt to") || d.contains("after rcpt") || d.contains("rcpt command") || d.contains("smtp:rcpt"))
                || d.contains("does not like recipient")) return "RCPT";
        if (d.contains("mail from") || d.contains("after mail")) return "MAIL";
        if (d.contains("data") && (d.contains("end of data") || d.contains("after data") || d.contains("final data")
                || d.contains("(data)") || d.contains("data command"))) return "DATA";
        // The server's greeting (RFC 5321 3.1): it refused the connection before any command.
        if (d.contains("initial connection") || d.contains("greeting") || d.contains("refused to talk to me")) return "CONN";
        if (namesHelo(d, "helo") || namesHelo(d, "ehlo")) return "HELO";
        // Sendmail and its kin echo the recipient in their answers to RCPT TO only:
        // "550 <a@b.example>... User unknown", "550 a@b.example... No such user".
        if (echoesRecipient(d)) return "RCPT";
        return "";
    }

    /** "helo" as the command, not as a field of a logged line ("HELO=[mail.example.com]"). */
    private static boolean namesHelo(String d, String verb) {
        for (int i = d.indexOf(verb); i >= 0; i = d.indexOf(verb, i + 4)) {
            int after = i + 4;
            if (after < d.length() && (d.charAt(after) == '=' || Character.isLetter(d.charAt(after)))) continue;
            if (i > 0 && Character.isLetter(d.charAt(i - 1))) continue;
            return true;
        }
        return false;
    }

    /** True when an address is followed directly by "...", the sendmail RCPT reply shape. */
    static boolean echoesRecipient(String d) {
        for (int i = d.indexOf("... "); i > 0; i = d.indexOf("... ", i + 4)) {
            int j = i - 1;
            if (d.charAt(j) == '>') j--;
            int k = j;
            while (k >= 0 && k > i - 320 && d.charAt(k) != ' ' && d.charAt(k) != '<' && d.charAt(k) != '@') k--;
            if (k >= 0 && k < j && d.charAt(k) == '@') return true;
        }
        return false;
    }
}
