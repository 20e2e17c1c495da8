package dev.smtpd4c.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * DNSSEC against the zone Knot signs itself (signed.auth.test). Knot makes fresh keys at every
 * start, so the test derives the trust anchor (DS of the key-signing key) from the server, and
 * then checks that a wrong anchor turns answers into failures instead of unauthenticated data.
 */
class DnssecKnotTest {

    private static final String ZONE = "signed.auth.test";
    private static DnsServerConfig server;
    private static DSRecord trustAnchor;

    @BeforeAll
    static void fetchKeySigningKey() throws Exception {
        server = TestDnsServer.require();
        SimpleResolver r = new SimpleResolver(InetAddress.getByName(server.host()));
        r.setPort(server.port());
        r.setTCP(true);
        Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(ZONE + "."), Type.DNSKEY, DClass.IN)));
        for (Record rec : m.getSection(Section.ANSWER)) {
            if (rec instanceof DNSKEYRecord key && (key.getFlags() & DNSKEYRecord.Flags.SEP_KEY) != 0) {
                trustAnchor = new DSRecord(key.getName(), DClass.IN, 300, DNSSEC.Digest.SHA256, key);
            }
        }
        assertThat(trustAnchor).as("KSK of " + ZONE + " (is the zone signed?)").isNotNull();
    }

    @Test
    void validatedAnswersCarryTheAdFlag() {
        DnsjavaResolver dns = new DnsjavaResolver(server.withTrustAnchors(trustAnchor.toString()));
        DnsAnswer<String> a = dns.a(ZONE);
        assertThat(a.status()).isEqualTo(DnsAnswer.Status.OK);
        assertThat(a.records()).containsExactly("192.0.2.90");
        assertThat(a.authenticated()).isTrue();
        DnsAnswer<String> txt = dns.txt("_dmarc." + ZONE);
        assertThat(txt.authenticated()).isTrue();
        assertThat(txt.records()).containsExactly("v=DMARC1; p=reject");
    }

    @Test
    void withoutValidationNothingClaimsToBeAuthenticated() {
        DnsAnswer<String> a = new DnsjavaResolver(server).a(ZONE);
        assertThat(a.status()).isEqualTo(DnsAnswer.Status.OK);
        assertThat(a.authenticated()).isFalse();
    }

    @Test
    void aWrongTrustAnchorMakesAnswersBogusTempFailures() {
        byte[] digest = trustAnchor.getDigest().clone();
        digest[0] ^= 0x55;
        DSRecord wrong = new DSRecord(trustAnchor.getName(), DClass.IN, 300, trustAnchor.getFootprint(),
                trustAnchor.getAlgorithm(), trustAnchor.getDigestID(), digest);
        DnsAnswer<String> a = new DnsjavaResolver(server.withTrustAnchors(wrong.toString())).a(ZONE);
        assertThat(a.status()).isEqualTo(DnsAnswer.Status.TEMPFAIL);
        assertThat(a.detail()).contains("SERVFAIL");
    }
}
