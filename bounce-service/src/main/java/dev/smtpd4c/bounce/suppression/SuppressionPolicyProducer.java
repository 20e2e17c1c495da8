package dev.smtpd4c.bounce.suppression;

import dev.smtpd4c.bounce.config.BounceConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The policy from the smtpd4c.suppression.* settings; a per-reason rule takes what it does not state from the default rule. */
public class SuppressionPolicyProducer {

    @Produces
    @Singleton
    SuppressionPolicy policy(BounceConfig config, Clock clock) {
        BounceConfig.Suppression c = config.suppression();
        BounceConfig.SoftRule d = c.soft();
        SuppressionPolicy.SoftRule base = new SuppressionPolicy.SoftRule(d.threshold(), d.window(), d.halfLife(), d.expiry());
        Map<String, SuppressionPolicy.SoftRule> byReason = new HashMap<>();
        c.softByReason().forEach((reason, o) -> byReason.put(reason, new SuppressionPolicy.SoftRule(
                o.threshold().orElse(base.threshold()), o.window().orElse(base.window()),
                o.halfLife().orElse(base.halfLife()), o.expiry().orElse(base.expiry()))));
        return new SuppressionPolicy(base, byReason, Set.copyOf(c.senderSideReasons()), clock);
    }
}
