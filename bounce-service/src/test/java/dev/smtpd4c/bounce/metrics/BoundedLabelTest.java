package dev.smtpd4c.bounce.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Label cardinality stays bounded whatever the input. */
class BoundedLabelTest {

    @Test
    void configuredValuesAlwaysThenTheFirstFewThenOther() {
        BoundedLabel domains = new BoundedLabel(Set.of("News.Example.COM"), 2);
        assertThat(domains.of("a.example")).isEqualTo("a.example");
        assertThat(domains.of("B.example")).isEqualTo("b.example");
        assertThat(domains.of("c.example")).isEqualTo("other");
        assertThat(domains.of("news.example.com")).isEqualTo("news.example.com");
        assertThat(domains.of("a.example")).isEqualTo("a.example");
        assertThat(domains.of("")).isEqualTo("none");
    }
}
