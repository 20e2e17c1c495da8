package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the Qute templates templates/mail/KIND.LOCALE.txt (with a {@code subject} fragment) and
 * KIND.LOCALE.html. The locale is the language of the sign-up's BCP 47 tag ("de-CH" → de) when
 * templates exist for it (smtpd4c.mail.locales), else en.
 */
@ApplicationScoped
public class MailTemplates {

    static final String FALLBACK = "en";

    private final Engine engine;
    private final List<String> locales;

    public MailTemplates(Engine engine, OptinConfig config) {
        this.engine = engine;
        this.locales = config.mail().locales();
    }

    /** The template locale for a sign-up's language tag. */
    public String localeFor(String tag) {
        String language = tag == null ? "" : Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return locales.contains(language) ? language : FALLBACK;
    }

    public RenderedMail render(MailKind kind, String localeTag, Map<String, Object> data) {
        String locale = localeFor(localeTag);
        Template text = template(kind, locale, "txt");
        String subject = text.getFragment("subject").instance().data(data).render().strip();
        return new RenderedMail(locale, subject, text.instance().data(data).render().stripLeading(),
                template(kind, locale, "html").instance().data(data).render());
    }

    private Template template(MailKind kind, String locale, String suffix) {
        String id = "mail/" + kind.templateName() + "." + locale + "." + suffix;
        Template t = engine.getTemplate(id);
        if (t == null) {
            throw new IllegalStateException("no mail template " + id + "; smtpd4c.mail.locales names a locale without templates");
        }
        return t;
    }
}
