package dev.smtpd4c.sunset.policy;

import java.util.Map;

/**
 * Everything {@link InactivityPolicy} is configured with.
 *
 * @param defaults           stages of any stream not named in {@code streams}
 * @param streams            per-stream stages
 * @param minimumSends       sends since the last strong engagement before anyone is judged inactive:
 *                           someone we hardly mailed has had no chance to engage
 * @param openWeight         how much one open counts towards a strong engagement (0 = never, 1 = each
 *                           open); opens are weak because Apple Mail Privacy Protection prefetches them
 * @param suspendAfterHardBounces hard bounces that suspend a recipient
 * @param suspendAfterComplaints  complaints that suspend a recipient
 */
public record PolicySettings(Stages defaults, Map<String, Stages> streams, int minimumSends, double openWeight,
        int suspendAfterHardBounces, int suspendAfterComplaints) {

    public Stages stagesOf(String stream) {
        return streams.getOrDefault(stream, defaults);
    }
}
