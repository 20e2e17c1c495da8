package dev.smtpd4c.sunset.recipient;

/** A yes/no answer with the reason, for may-send ({@code allowed}) and reconfirm-at-login ({@code ask}). */
public record Answer(boolean yes, String reason) {}
