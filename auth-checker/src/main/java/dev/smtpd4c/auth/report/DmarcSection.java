package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dmarc.DmarcDiscovery;
import dev.smtpd4c.auth.dmarc.DmarcFinding;
import dev.smtpd4c.auth.dmarc.DmarcPolicy;
import dev.smtpd4c.auth.dmarc.DmarcRecord;
import dev.smtpd4c.auth.dmarc.DmarcTempException;
import dev.smtpd4c.auth.dmarc.ReportDestination;
import dev.smtpd4c.auth.dmarc.ReportDestinationVerifier;
import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.RecordCheck;
import java.util.ArrayList;
import java.util.List;

/** The DMARC record that governs the domain (tree walk), its tags, policy and report addresses. */
final class DmarcSection {

    /** @param record the governing record, null without one (BIMI needs it) */
    record Outcome(RecordCheck check, DmarcRecord record) {}

    private DmarcSection() {}

    static Outcome check(DmarcDiscovery discovery, ReportDestinationVerifier destinations, String domain) {
        List<Finding> out = new ArrayList<>();
        String subject = "_dmarc." + domain;
        DmarcDiscovery.Policy policy;
        try {
            policy = discovery.discover(domain);
        } catch (DmarcTempException e) {
            out.add(new Finding("dmarc.dns-failure", Severity.WARNING, subject, e.getMessage()));
            return new Outcome(new RecordCheck("dmarc", "", out), null);
        }
        DmarcRecord record = policy.record();
        if (record == null) {
            out.add(new Finding("dmarc.no-record", Severity.ERROR, subject, "no DMARC record for " + domain
                    + " or its parents: receivers cannot tell forged mail, and Gmail and Yahoo require one. "
                    + "Start with v=DMARC1; p=none; rua=mailto:dmarc@" + domain));
            return new Outcome(new RecordCheck("dmarc", "", out), null);
        }
        String where = "_dmarc." + policy.domain();
        if (!policy.domain().equals(domain)) {
            out.add(new Finding("dmarc.inherited", Severity.INFO, subject, "no record of its own; the record at "
                    + where + " applies"));
        }
        for (DmarcFinding f : record.findings()) {
            out.add(new Finding("dmarc.invalid-tag", f.severity(), where + " " + f.tag(), f.message()));
        }
        if (record.policy() == DmarcPolicy.NONE) {
            out.add(new Finding("dmarc.policy-none", Severity.WARNING, where,
                    "p=none only monitors: forged mail is still delivered. Move to quarantine, then reject"));
        }
        if (record.testing()) {
            out.add(new Finding("dmarc.testing", Severity.WARNING, where,
                    "t=y (or pct=0): receivers apply the policy one step weaker"));
        }
        if (record.rua().isEmpty()) {
            out.add(new Finding("dmarc.no-rua", Severity.WARNING, where,
                    "no rua=: you get no aggregate reports, so you cannot see who sends as you"));
        }
        for (ReportDestination d : destinations.verify(policy.domain(), record)) {
            if (d.status() == ReportDestination.Status.UNAUTHORIZED) {
                out.add(new Finding("dmarc.report-destination-unauthorized", Severity.WARNING, d.uri(), d.domain()
                        + " does not publish " + policy.domain() + "._report._dmarc." + d.domain()
                        + "; receivers will not send reports there"));
            }
        }
        String value = policy.domain().equals(domain) ? record.text() : record.text() + " (at " + where + ")";
        return new Outcome(new RecordCheck("dmarc", value, out), record);
    }
}
