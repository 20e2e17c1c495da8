package dev.smtpd4c.auth.sender;

import java.time.Instant;
import java.util.List;

/** Body of POST /api/v1/observations: what the MTA side saw leave. */
public record ObservationInput(List<Item> observations) {

    /**
     * @param stream the sending stream (optional)
     * @param fromDomain RFC5322.From domain
     * @param ip connecting IP the message left from
     * @param seenAt when (optional, default now; at most 5 minutes in the future)
     * @param messages how many messages this item stands for (optional, default 1)
     */
    public record Item(String stream, String fromDomain, String ip, Instant seenAt, Long messages) {}
}
