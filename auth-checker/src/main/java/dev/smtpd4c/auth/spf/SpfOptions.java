package dev.smtpd4c.auth.spf;

import java.util.function.LongSupplier;

/**
 * Knobs of the SPF evaluator; {@link #defaults()} follows RFC 7208.
 *
 * @param receiver the checking host's name for %{r}
 * @param defaultExplanation used for a fail result when the record has no usable exp=
 * @param lookupLimit terms causing DNS lookups (section 4.6.4: 10)
 * @param voidLookupLimit NXDOMAIN/NODATA answers allowed (section 4.6.4: 2)
 * @param clock seconds since the epoch for %{t}
 */
public record SpfOptions(
        String receiver, String defaultExplanation, int lookupLimit, int voidLookupLimit, LongSupplier clock) {

    public static SpfOptions defaults() {
        return new SpfOptions("unknown", "SPF check failed: see https://www.rfc-editor.org/rfc/rfc7208", 10, 2,
                () -> System.currentTimeMillis() / 1000);
    }

    public SpfOptions withDefaultExplanation(String text) {
        return new SpfOptions(receiver, text, lookupLimit, voidLookupLimit, clock);
    }

    public SpfOptions withReceiver(String name) {
        return new SpfOptions(name, defaultExplanation, lookupLimit, voidLookupLimit, clock);
    }
}
