package dev.smtpd4c.auth.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The openspf RFC 7208 suite (pyspf scores 203/203): every case must pass. */
class SpfRfc7208ConformanceTest {

    private static final String SUITE = "/conformance/spf-openspf/rfc7208-tests.yml";

    @TestFactory
    Stream<DynamicNode> rfc7208() throws IOException {
        return OpenSpfSuite.tests(OpenSpfSuite.load(SUITE));
    }

    @Test
    void suiteHasAll203Cases() throws IOException {
        List<OpenSpfSuite.Case> cases = OpenSpfSuite.load(SUITE);
        assertEquals(203, cases.size(), "the RFC 7208 suite has 203 cases; a truncated copy would pass too easily");
    }
}
