package dev.smtpd4c.auth.sender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which registered domain an observation belongs to, and what about it was not registered. Pure. */
public final class SenderRules {

    /** What an observation shows that the registration does not list. */
    public enum Unexpected { FROM_DOMAIN, IP }

    private SenderRules() {}

    /**
     * The domain that registered the observation's stream (preferring one that also expects its From
     * domain), else the domain whose From domains cover it most specifically; empty when none does,
     * and then the observation is not ours to keep.
     */
    public static Optional<RegisteredSender> owner(List<RegisteredSender> registered, String stream, String fromDomain) {
        Comparator<RegisteredSender> byName = Comparator.comparing(RegisteredSender::domain);
        if (stream != null) {
            List<RegisteredSender> streamOwners = registered.stream().filter(r -> r.streams().contains(stream))
                    .sorted(byName).toList();
            if (!streamOwners.isEmpty()) {
                return Optional.of(streamOwners.stream().filter(r -> r.covers(fromDomain)).findFirst()
                        .orElse(streamOwners.get(0)));
            }
        }
        return registered.stream().filter(r -> r.covers(fromDomain))
                .max(Comparator.comparing((RegisteredSender r) -> r.expectsFrom(fromDomain))
                        .thenComparing(r -> r.domain().length()).thenComparing(byName.reversed()));
    }

    /** FROM_DOMAIN when the From domain is not registered, IP when the IP is not (and IPs were declared). */
    public static List<Unexpected> unexpected(RegisteredSender owner, String fromDomain, String ip) {
        List<Unexpected> out = new ArrayList<>(2);
        if (!owner.expectsFrom(fromDomain)) {
            out.add(Unexpected.FROM_DOMAIN);
        }
        if (!owner.expectsIp(ip)) {
            out.add(Unexpected.IP);
        }
        return out;
    }
}
