package dev.smtpd4c.auth.records;

import java.util.Map;

/**
 * Stands in for the HTTPS fetch of MTA-STS policies only (the tests have no web server for
 * mta-sts.*.test); in @QuarkusTest it replaces the HTTPS fetcher bean. The TXT records and MX hosts are still read from the real test DNS server.
 */
@jakarta.inject.Singleton
public final class StubMtaStsFetcher implements MtaStsPolicyFetcher {

    public static final Map<String, String> POLICIES = Map.of(
            "shop.test", "version: STSv1\nmode: enforce\nmx: mx.shop.test\nmax_age: 604800\n");

    @Override
    public Result fetch(String domain) {
        String policy = POLICIES.get(domain);
        return policy == null ? new Result.Failed("no policy at https://mta-sts." + domain + "/.well-known/mta-sts.txt (stub)")
                : new Result.Fetched(policy);
    }
}
