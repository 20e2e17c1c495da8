package dev.smtpd4c.sunset.policy;

/** What the policy decided for one recipient and stream, and why, in words an operator can check. */
public record Decision(Status status, String reason) {

    /** True when applying this decision changes {@code current}; an unchanged status produces no event. */
    public boolean changes(Status current) {
        return status != current;
    }
}
