package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.records.Finding;
import java.util.List;

/**
 * A letter for the whole domain, from its findings and the bulk-sender requirements: every error
 * costs 20 points and every warning 5 from 100 (A from 90, B from 80, C from 65, D from 50), and
 * a domain missing SPF, DKIM or DMARC gets F whatever the points, because Gmail and Yahoo reject
 * its bulk mail. Informational findings cost nothing.
 */
public enum Grade {
    A, B, C, D, F;

    static Grade of(List<Finding> findings, List<Requirement> requirements) {
        boolean missingBasics = requirements.stream().anyMatch(r -> r.status() == Requirement.Status.FAIL
                && (r.id().equals("spf") || r.id().equals("dkim") || r.id().equals("dmarc")));
        if (missingBasics) {
            return F;
        }
        int points = 100;
        for (Finding f : findings) {
            points -= switch (f.severity()) {
                case ERROR -> 20;
                case WARNING -> 5;
                case INFO -> 0;
            };
        }
        if (points >= 90) {
            return A;
        }
        if (points >= 80) {
            return B;
        }
        if (points >= 65) {
            return C;
        }
        return points >= 50 ? D : F;
    }
}
