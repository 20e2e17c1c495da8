package dev.smtpd4c.optin.address;

import dev.smtpd4c.optin.config.OptinConfig.TemporaryFailurePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an address may sign up: syntax, then the disposable-domain list, then DNS (MX,
 * else A/AAAA). A typo suggestion is offered whatever the outcome; it never rejects by itself,
 * since gmial.com could be someone's real domain. Plain Java: wired by {@link AddressCheckProducer}.
 */
public final class AddressChecker {

    private final MailDomainResolver dns;
    private final DisposableDomains disposable;
    private final DomainTypos typos;
    private final TemporaryFailurePolicy onTemporaryFailure;
    private final boolean rejectDisposable;

    public AddressChecker(MailDomainResolver dns, DisposableDomains disposable, DomainTypos typos,
            TemporaryFailurePolicy onTemporaryFailure, boolean rejectDisposable) {
        this.dns = dns;
        this.disposable = disposable;
        this.typos = typos;
        this.onTemporaryFailure = onTemporaryFailure;
        this.rejectDisposable = rejectDisposable;
    }

    public AddressVerdict check(String input) {
        SyntaxResult syntax = AddressSyntax.check(input);
        if (!syntax.isValid()) {
            return new AddressVerdict(input, null, "reject", List.of(AddressVerdict.Finding.of(syntax.problem())),
                    MailDomain.NOT_CHECKED, false, false, null);
        }
        String domain = syntax.address().domain();
        String suggestion = typos.suggest(domain).map(d -> syntax.address().localPart() + "@" + d).orElse(null);
        List<AddressVerdict.Finding> problems = new ArrayList<>(1);
        boolean isDisposable = disposable.contains(domain);
        MailDomain mail = MailDomain.NOT_CHECKED;
        if (isDisposable && rejectDisposable) {
            problems.add(AddressVerdict.Finding.of(AddressProblem.DISPOSABLE));
        } else {
            mail = dns.resolve(domain);
            AddressProblem p = switch (mail) {
                case MX, ADDRESS, NOT_CHECKED -> null;
                case NULL_MX -> AddressProblem.NULL_MX;
                case NO_MAIL_HOST -> AddressProblem.NO_MAIL_HOST;
                case NO_SUCH_DOMAIN -> AddressProblem.NO_SUCH_DOMAIN;
                case TEMPORARY_FAILURE -> onTemporaryFailure == TemporaryFailurePolicy.REJECT
                        ? AddressProblem.DNS_TEMPORARY_FAILURE : null;
            };
            if (p != null) {
                problems.add(AddressVerdict.Finding.of(p));
            }
        }
        return new AddressVerdict(input, syntax.address().toString(), problems.isEmpty() ? "accept" : "reject",
                List.copyOf(problems), mail, isDisposable, syntax.smtpUtf8(), suggestion);
    }
}
