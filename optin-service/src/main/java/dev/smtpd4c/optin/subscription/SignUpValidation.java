package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.address.AddressChecker;
import dev.smtpd4c.optin.address.AddressVerdict;
import dev.smtpd4c.optin.rest.InvalidInputException;
import dev.smtpd4c.optin.rest.InvalidInputException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks every field of a sign-up and reports all errors at once (422); the address goes through {@link AddressChecker}. */
@ApplicationScoped
public class SignUpValidation {

    public static final String DEFAULT_LIST = "default";
    static final int MAX_LIST = 64;
    static final int MAX_SOURCE = 100;
    static final int MAX_LOCALE = 35;
    static final int MAX_FORM_VERSION = 64;

    /** A sign-up whose fields passed, with defaults filled in. */
    public record Valid(EmailAddress address, String list, String source, String locale, String formVersion) {}

    private final AddressChecker addresses;

    public SignUpValidation(AddressChecker addresses) {
        this.addresses = addresses;
    }

    public Valid validate(SignUp r) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddress address = address("address", r.address(), errors);
        String list = blank(r.list()) ? DEFAULT_LIST : r.list();
        text("list", list, MAX_LIST, errors);
        String source = blank(r.source()) ? "api" : r.source();
        text("source", source, MAX_SOURCE, errors);
        String locale = blank(r.locale()) ? "en" : r.locale();
        text("locale", locale, MAX_LOCALE, errors); // an unknown or malformed tag falls back to en in the mail
        if (r.formVersion() != null) {
            text("formVersion", r.formVersion(), MAX_FORM_VERSION, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(address, list, source, locale, r.formVersion());
    }

    /** A resend names a subscription: the address needs only its syntax, DNS was asked at sign-up. */
    public Valid validate(Resend r) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddress address = null;
        if (r.address() == null) {
            errors.add(new FieldError("address", "missing", "\"address\" is required."));
        } else {
            dev.smtpd4c.optin.address.SyntaxResult syntax = dev.smtpd4c.optin.address.AddressSyntax.check(r.address());
            if (!syntax.isValid()) {
                errors.add(new FieldError("address", syntax.problem().code(), syntax.problem().detail()));
            }
            address = syntax.address();
        }
        String list = blank(r.list()) ? DEFAULT_LIST : r.list();
        text("list", list, MAX_LIST, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(address, list, null, null, null);
    }

    /** Checks one address field; adds its error and returns null when it is not acceptable. */
    public EmailAddress address(String field, String raw, List<FieldError> errors) {
        if (raw == null) {
            errors.add(new FieldError(field, "missing", "\"" + field + "\" is required."));
            return null;
        }
        AddressVerdict v = addresses.check(raw);
        if (!v.accepted()) {
            AddressVerdict.Finding f = v.problems().get(0);
            errors.add(new FieldError(field, f.code(), f.detail(), v.suggestion()));
            return null;
        }
        return EmailAddress.parse(v.address()).orElseThrow();
    }

    private static void text(String field, String value, int max, List<FieldError> errors) {
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "invalid-" + field.toLowerCase(Locale.ROOT),
                    "\"" + field + "\" is at most " + max + " characters without control characters."));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
