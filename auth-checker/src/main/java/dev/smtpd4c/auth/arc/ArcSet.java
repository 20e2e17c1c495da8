package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.dkim.DkimSignature;
import dev.smtpd4c.auth.message.HeaderField;

/** One complete ARC set: the three fields an intermediary adds with the same instance. */
public record ArcSet(int instance, HeaderField authenticationResults, DkimSignature messageSignature, ArcSeal seal) {}
