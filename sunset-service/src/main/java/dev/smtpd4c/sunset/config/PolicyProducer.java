package dev.smtpd4c.sunset.config;

import dev.smtpd4c.sunset.policy.InactivityPolicy;
import dev.smtpd4c.sunset.policy.PolicySettings;
import dev.smtpd4c.sunset.policy.Stages;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Builds the pure policy from configuration, so the policy package stays free of Quarkus. */
public class PolicyProducer {

    @Produces
    @Singleton
    InactivityPolicy policy(SunsetConfig config) {
        return new InactivityPolicy(settings(config.policy()));
    }

    static PolicySettings settings(SunsetConfig.Policy p) {
        Stages defaults = new Stages(p.reduceAfter(), p.reconfirmAfter(), p.sunsetAfter(), false);
        Map<String, Stages> streams = new HashMap<>();
        p.streams().forEach((name, s) -> streams.put(name, new Stages(s.reduceAfter().orElse(p.reduceAfter()),
                s.reconfirmAfter().orElse(p.reconfirmAfter()), s.sunsetAfter().orElse(p.sunsetAfter()), false)));
        p.exemptStreams().forEach(name -> streams.put(name, Stages.exemptStream()));
        return new PolicySettings(defaults, Map.copyOf(streams), p.minimumSends(), p.openWeight(),
                p.suspendAfterHardBounces(), p.suspendAfterComplaints());
    }
}
