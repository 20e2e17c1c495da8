package dev.smtpd4c.bounce.webhook;

import dev.smtpd4c.bounce.rest.ProblemException;

/** A webhook request that is not provably from the provider: 401 when unsigned, 403 when the proof fails. Nothing is stored. */
final class WebhookRejected {

    private WebhookRejected() {}

    static ProblemException unsigned(String provider, String what) {
        return new ProblemException(401, "webhook-unsigned", "Webhook not signed", provider + ": " + what + "; nothing was stored.");
    }

    static ProblemException forged(String provider, String what) {
        return new ProblemException(403, "webhook-signature-invalid", "Webhook signature invalid",
                provider + ": " + what + "; nothing was stored.");
    }

    static ProblemException stale(String provider, String what) {
        return new ProblemException(403, "webhook-stale", "Webhook stale or replayed", provider + ": " + what + "; nothing was stored.");
    }

    static ProblemException notConfigured(String provider, String setting) {
        return new ProblemException(403, "webhook-not-configured", "Webhook not configured",
                provider + " webhooks are refused until " + setting + " is set; nothing was stored.");
    }

    static ProblemException malformed(String provider, String what) {
        return ProblemException.badRequest("webhook-malformed", "Malformed webhook", provider + ": " + what + "; nothing was stored.");
    }
}
