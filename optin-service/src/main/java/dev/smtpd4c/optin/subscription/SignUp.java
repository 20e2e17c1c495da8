package dev.smtpd4c.optin.subscription;

/** A sign-up request as the REST API takes it; {@code formVersion} names the form and consent text shown. */
public record SignUp(String address, String list, String source, String locale, String formVersion) {}
