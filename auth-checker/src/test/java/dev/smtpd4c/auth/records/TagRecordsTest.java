package dev.smtpd4c.auth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagRecordsTest {

    @Test
    void versionMustBeTheFirstTagWithTheExactValue() {
        assertThat(TagRecords.withVersion(List.of("v=BIMI1; l=x", "v = BIMI1;", "l=x; v=BIMI1", "v=bimi1", "v=BIMI10"),
                "BIMI1")).containsExactly("v=BIMI1; l=x", "v = BIMI1;");
    }

    @Test
    void repeatedTagsOrPartsWithoutEqualsAreNotARecord() {
        assertThat(TagRecords.parse("v=TLSRPTv1; rua=mailto:a@b.test;")).containsEntry("rua", "mailto:a@b.test");
        assertThat(TagRecords.parse("v=TLSRPTv1; rua=a; RUA=b")).isNull();
        assertThat(TagRecords.parse("v=TLSRPTv1; garbage")).isNull();
    }
}
