package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;
import java.util.Optional;

/**
 * One bounce format. {@link #decode} answers Optional.empty() when the message is not of this
 * format, so the parser can try the next one; it never throws.
 */
public interface BounceFormat {
    /** The decoder name written to results as "smtpagent", e.g. "Postfix". */
    String name();

    Optional<List<RawFailure>> decode(ParsedMessage m);
}
