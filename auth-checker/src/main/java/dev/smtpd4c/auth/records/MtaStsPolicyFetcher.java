package dev.smtpd4c.auth.records;

/**
 * Gets a domain's MTA-STS policy text from {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
 * (RFC 8461 3.3). The only remote fetch the checks make; implementations cap size and time.
 */
public interface MtaStsPolicyFetcher {

    sealed interface Result {
        record Fetched(String policy) implements Result {}

        record Failed(String reason) implements Result {}
    }

    Result fetch(String domain);

    /** For runs that must not go to the network: every fetch fails with this reason. */
    static MtaStsPolicyFetcher disabled() {
        return domain -> new Result.Failed("policy fetching is disabled");
    }
}
