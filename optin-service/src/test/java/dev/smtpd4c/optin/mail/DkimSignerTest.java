package dev.smtpd4c.optin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Canonicalisation against the worked example of RFC 6376 section 3.4.5. */
class DkimSignerTest {

    @Test
    void relaxedHeaderAndBodyMatchTheRfcExample() {
        assertThat(DkimSigner.relaxedHeader("A", "X")).isEqualTo("a:X");
        assertThat(DkimSigner.relaxedHeader("B ", "Y\t\r\n\tZ  ")).isEqualTo("b:Y Z");
        assertThat(DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(" C\r\nD E\r\n");
        assertThat(DkimSigner.relaxedBody("")).isEmpty();
        assertThat(DkimSigner.relaxedBody("a\r\n\r\nb")).isEqualTo("a\r\n\r\nb\r\n");
    }

    @Test
    void aKeyThatIsNeitherRsaNorEd25519IsRefusedAtStart() {
        assertThatThrownBy(() -> DkimSigning.privateKey("sel", "not a key")).hasMessageContaining("selector sel");
    }
}
