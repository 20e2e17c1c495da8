package dev.smtpd4c.optin.address;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.config.OptinConfig.TemporaryFailurePolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker's decisions and both temporary-failure policies, against the real Knot DNS. */
class AddressCheckerTest {

    private static MailDomainResolver dns;

    @BeforeAll
    static void resolver() {
        dns = DnsUnderTest.resolver();
    }

    private static AddressChecker checker(TemporaryFailurePolicy policy) {
        return new AddressChecker(dns, DisposableDomains.builtIn(), DomainTypos.builtIn(), policy, true);
    }

    @Test
    void acceptsDomainsThatReceiveMail() {
        AddressVerdict v = checker(TemporaryFailurePolicy.REJECT).check("Ann@Optin.TEST");
        assertThat(v.verdict()).isEqualTo("accept");
        assertThat(v.address()).isEqualTo("ann@optin.test");
        assertThat(v.mailDomain()).isEqualTo(MailDomain.MX);
        assertThat(v.problems()).isEmpty();
        assertThat(checker(TemporaryFailurePolicy.REJECT).check("ann@a-only.optin.test").accepted()).isTrue();
    }

    @Test
    void rejectsWhatCannotReceiveWithTheReason() {
        AddressChecker c = checker(TemporaryFailurePolicy.ACCEPT);
        assertThat(c.check("ann@null-mx.optin.test").problems()).extracting(AddressVerdict.Finding::code).containsExactly("null-mx");
        assertThat(c.check("ann@no-host.optin.test").problems()).extracting(AddressVerdict.Finding::code).containsExactly("no-mail-host");
        assertThat(c.check("ann@missing.optin.test").problems()).extracting(AddressVerdict.Finding::code).containsExactly("no-such-domain");
        AddressVerdict bad = c.check("ann@@optin.test");
        assertThat(bad.problems()).extracting(AddressVerdict.Finding::code).containsExactly("domain-syntax");
        assertThat(bad.mailDomain()).isEqualTo(MailDomain.NOT_CHECKED);
    }

    @Test
    void temporaryFailureFollowsThePolicy() {
        AddressVerdict accepted = checker(TemporaryFailurePolicy.ACCEPT).check("ann@example.net");
        assertThat(accepted.verdict()).isEqualTo("accept");
        assertThat(accepted.mailDomain()).isEqualTo(MailDomain.TEMPORARY_FAILURE);
        AddressVerdict rejected = checker(TemporaryFailurePolicy.REJECT).check("ann@example.net");
        assertThat(rejected.verdict()).isEqualTo("reject");
        assertThat(rejected.problems()).extracting(AddressVerdict.Finding::code).containsExactly("dns-temporary-failure");
    }

    @Test
    void disposableIsRejectedWithoutAskingDnsUnlessConfiguredToOnlyReport() {
        AddressVerdict v = checker(TemporaryFailurePolicy.ACCEPT).check("ann@mailinator.com");
        assertThat(v.problems()).extracting(AddressVerdict.Finding::code).containsExactly("disposable");
        assertThat(v.disposable()).isTrue();
        assertThat(v.mailDomain()).isEqualTo(MailDomain.NOT_CHECKED);
        AddressChecker reportOnly = new AddressChecker(dns, DisposableDomains.builtIn(), DomainTypos.builtIn(),
                TemporaryFailurePolicy.ACCEPT, false);
        AddressVerdict reported = reportOnly.check("ann@mailinator.com");
        assertThat(reported.disposable()).isTrue();
        assertThat(reported.mailDomain()).isNotEqualTo(MailDomain.NOT_CHECKED);
    }

    @Test
    void suggestsTheProviderForATypoWhateverTheVerdict() {
        AddressVerdict v = checker(TemporaryFailurePolicy.REJECT).check("ann@gmial.com");
        assertThat(v.suggestion()).isEqualTo("ann@gmail.com");
        assertThat(checker(TemporaryFailurePolicy.REJECT).check("ann@optin.test").suggestion()).isNull();
    }
}
