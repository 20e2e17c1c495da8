package dev.smtpd4c.bounce.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An SNS HTTP(S) message, and the exact string SNS signed for its type (the fields in byte order,
 * each as "name\nvalue\n"; Subject only when present).
 */
record SnsMessage(String type, String messageId, String topicArn, String subject, String message, String timestamp,
        String token, String subscribeUrl, String signatureVersion, String signature, String signingCertUrl) {

    static SnsMessage of(JsonNode n) {
        return new SnsMessage(text(n, "Type"), text(n, "MessageId"), text(n, "TopicArn"), n.hasNonNull("Subject") ? text(n, "Subject") : null,
                text(n, "Message"), text(n, "Timestamp"), text(n, "Token"), text(n, "SubscribeURL"), text(n, "SignatureVersion"),
                text(n, "Signature"), text(n, "SigningCertURL"));
    }

    boolean isNotification() {
        return "Notification".equals(type);
    }

    String canonical() {
        StringBuilder s = new StringBuilder();
        add(s, "Message", message);
        add(s, "MessageId", messageId);
        if (isNotification()) {
            if (subject != null) {
                add(s, "Subject", subject);
            }
        } else {
            add(s, "SubscribeURL", subscribeUrl);
        }
        add(s, "Timestamp", timestamp);
        if (!isNotification()) {
            add(s, "Token", token);
        }
        add(s, "TopicArn", topicArn);
        add(s, "Type", type);
        return s.toString();
    }

    private static void add(StringBuilder s, String name, String value) {
        s.append(name).append('\n').append(value).append('\n');
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).asText("");
    }
}
