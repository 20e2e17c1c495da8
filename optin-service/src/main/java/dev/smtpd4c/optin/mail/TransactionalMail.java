package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.token.TokenPurpose;
import dev.smtpd4c.optin.token.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the transactional stream's mail for a subscription: the templates in the sign-up's locale,
 * the signed confirm link, RFC 8058 one-click unsubscribe headers on every mail, and the stream's
 * own identity (From, bounce address, X-SMTPD4C-Stream and Feedback-ID), apart from any marketing mail.
 */
@ApplicationScoped
public class TransactionalMail {

    public static final String STREAM = "transactional";

    private final Tokens tokens;
    private final MailTemplates templates;
    private final DkimSigning dkim;
    private final OptinConfig config;
    private final Clock clock;

    public TransactionalMail(Tokens tokens, MailTemplates templates, DkimSigning dkim, OptinConfig config, Clock clock) {
        this.tokens = tokens;
        this.templates = templates;
        this.dkim = dkim;
        this.config = config;
        this.clock = clock;
    }

    public ComposedMail compose(Subscription s, MailKind kind) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String confirm = base + "/confirm?token=" + tokens.issue(s.id, TokenPurpose.CONFIRM);
        String unsubscribe = base + "/unsubscribe?token=" + tokens.issue(s.id, TokenPurpose.UNSUBSCRIBE);
        RenderedMail rendered = templates.render(kind, s.locale, Map.of("address", s.address, "list", s.list,
                "confirmUrl", confirm, "unsubscribeUrl", unsubscribe));
        String from = config.mail().from();
        String fromAddress = MimeComposer.address(from);
        String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
        return dkim.sign(MimeComposer.compose(from, config.mail().bounceAddress().orElse(fromAddress), s.address, rendered,
                UUID.randomUUID() + "@" + domain, clock.instant().atZone(ZoneOffset.UTC), List.of(
                        new ComposedMail.Header("List-Unsubscribe", "<" + unsubscribe + ">"),
                        new ComposedMail.Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                        new ComposedMail.Header("X-SMTPD4C-Stream", STREAM),
                        new ComposedMail.Header("X-SMTPD4C-Message-ID", s.id.toString()),
                        new ComposedMail.Header("Feedback-ID", kind.templateName() + ":optin:" + STREAM + ":smtpd4c"))));
    }
}
