package dev.smtpd4c.sunset.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintLevelTest {

    @ParameterizedTest(name = "{1} complaints of {0} sends -> {2}")
    @CsvSource({
            "0, 0, INSUFFICIENT_VOLUME",
            "999, 5, INSUFFICIENT_VOLUME",  // 0.5 %, but too few sends to judge
            "1000, 0, OK",
            "1000, 0, OK",
            "10000, 9, OK",                 // 0.09 %
            "10000, 10, WARNING",           // exactly 0.1 %
            "10000, 29, WARNING",
            "10000, 30, CRITICAL",          // exactly 0.3 %
            "1000, 1000, CRITICAL"})
    void levels(long sends, long complaints, ComplaintLevel expected) {
        assertThat(ComplaintLevel.of(sends, complaints, 1000, 0.001, 0.003)).isEqualTo(expected);
    }
}
