package dev.smtpd4c.sunset.policy;

import java.time.Instant;

/**
 * What the policy knows about one recipient in one stream: a flat copy of its engagement row.
 *
 * @param lastStrongAt      last click, reply, login or conversion; null if never
 * @param lastOpenedAt      last open; null if never
 * @param opensSinceStrong  opens after {@code lastStrongAt}
 * @param sendsSinceStrong  messages sent after {@code lastStrongAt}
 * @param firstSeenAt       first event of this recipient and stream: the inactivity clock's start
 *                          for someone who never engaged
 * @param hardBounces       hard bounces not yet forgiven by an operator
 * @param complaints        complaints not yet forgiven by an operator
 */
public record RecipientActivity(String recipient, String stream, Status status, Instant lastStrongAt,
        Instant lastOpenedAt, int opensSinceStrong, int sendsSinceStrong, Instant firstSeenAt, int hardBounces,
        int complaints) {}
