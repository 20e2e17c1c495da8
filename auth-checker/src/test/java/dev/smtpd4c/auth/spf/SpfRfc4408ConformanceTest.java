package dev.smtpd4c.auth.spf;

import java.io.IOException;
import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The historic openspf RFC 4408 suite, evaluated with RFC 7208 rules. A case passes when our
 * result is one of the results the suite itself lists as acceptable.
 */
class SpfRfc4408ConformanceTest {

    private static final String SUITE = "/conformance/spf-openspf/rfc4408-tests.yml";

    @TestFactory
    Stream<DynamicNode> rfc4408() throws IOException {
        return OpenSpfSuite.tests(OpenSpfSuite.load(SUITE));
    }

    /** Reports (does not fail on) the cases where RFC 7208 changed the preferred RFC 4408 answer. */
    @Test
    void reportAlternatives() throws IOException {
        List<String> ids = OpenSpfSuite.acceptedNotPreferred(OpenSpfSuite.load(SUITE));
        System.out.println("RFC 4408 suite: " + ids.size() + " cases accepted with a non-preferred result: " + ids);
    }
}
