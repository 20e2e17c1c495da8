package dev.smtpd4c.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The one response-to-status mapping, on hand-built responses (the cases Knot cannot be made to send). */
class DnsResponseMapperTest {

    private static final Name Q = name("www.example.test.");

    private static Name name(String s) {
        try {
            return Name.fromString(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Message response(int rcode) {
        Message m = Message.newQuery(Record.newRecord(Q, Type.A, DClass.IN));
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setRcode(rcode);
        return m;
    }

    private static ARecord a(Name n, String ip, long ttl) throws Exception {
        return new ARecord(n, DClass.IN, ttl, java.net.InetAddress.getByName(ip));
    }

    @ParameterizedTest
    @ValueSource(ints = {Rcode.SERVFAIL, Rcode.REFUSED, Rcode.FORMERR, Rcode.NOTIMP})
    void serverFailuresAreTempFail(int rcode) {
        var mapped = DnsResponseMapper.map(response(rcode), Q, Type.A, r -> r);
        assertThat(mapped.answer().status()).isEqualTo(DnsAnswer.Status.TEMPFAIL);
        assertThat(mapped.ttlSeconds()).isZero();
    }

    @Test
    void nxdomainUsesTheSoaMinimumAsTtl() throws Exception {
        Message m = response(Rcode.NXDOMAIN);
        m.addRecord(new SOARecord(name("example.test."), DClass.IN, 300, name("ns."), name("h."), 1, 2, 3, 4, 42),
                Section.AUTHORITY);
        var mapped = DnsResponseMapper.map(m, Q, Type.A, r -> r);
        assertThat(mapped.answer().status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
        assertThat(mapped.ttlSeconds()).isEqualTo(42);
    }

    @Test
    void cnameChainInTheAnswerIsFollowedAndTtlIsTheSmallest() throws Exception {
        Message m = response(Rcode.NOERROR);
        Name target = name("host.example.test.");
        m.addRecord(new CNAMERecord(Q, DClass.IN, 100, target), Section.ANSWER);
        m.addRecord(a(target, "192.0.2.1", 500), Section.ANSWER);
        m.addRecord(a(name("unrelated.example.test."), "192.0.2.9", 5), Section.ANSWER);
        var mapped = DnsResponseMapper.map(m, Q, Type.A, r -> ((ARecord) r).getAddress().getHostAddress());
        assertThat(mapped.answer().records()).containsExactly("192.0.2.1");
        assertThat(mapped.ttlSeconds()).isEqualTo(100);
        assertThat(mapped.cnameTarget()).isNull();
    }

    @Test
    void cnameOutOfTheResponseIsReportedForAnotherQuery() {
        Message m = response(Rcode.NOERROR);
        Name target = name("elsewhere.test.");
        m.addRecord(new CNAMERecord(Q, DClass.IN, 100, target), Section.ANSWER);
        var mapped = DnsResponseMapper.map(m, Q, Type.A, r -> r);
        assertThat(mapped.answer().status()).isEqualTo(DnsAnswer.Status.NODATA);
        assertThat(mapped.cnameTarget()).isEqualTo(target);
    }

    @Test
    void adFlagIsPassedThrough() throws Exception {
        Message m = response(Rcode.NOERROR);
        m.getHeader().setFlag(Flags.AD);
        m.addRecord(a(Q, "192.0.2.1", 60), Section.ANSWER);
        assertThat(DnsResponseMapper.map(m, Q, Type.A, r -> r).answer().authenticated()).isTrue();
    }

    @Test
    void addressParsing() {
        assertThat(DnsServerConfig.of("127.0.0.1:15353").port()).isEqualTo(15353);
        assertThat(DnsServerConfig.of("[::1]:5353").host()).isEqualTo("::1");
        assertThat(DnsServerConfig.of("::1").port()).isEqualTo(53);
        assertThat(DnsServerConfig.of("192.0.2.53").port()).isEqualTo(53);
    }
}
