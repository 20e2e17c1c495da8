package dev.smtpd4c.bounce.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtpd4c.bounce.parse.RawFailure;
import org.junit.jupiter.api.Test;

/**
 * The classifier's rules, each on a made-up failure (not from the corpus), so that a rule is
 * checked for what it says rather than for the samples it was written against.
 */
class ClassifierRulesTest {

    private static RawFailure smtp(String recipient, String diagnostic) {
        return RawFailure.builder().recipient(recipient).diagnostic(diagnostic).diagnosticType("SMTP").action("failed").build();
    }

    private static Reason reason(String recipient, String diagnostic) { return Classifier.classify(smtp(recipient, diagnostic)); }

    @Test
    void unknownUserAtRcptIsUserUnknownAfterDataFilteredAtMailRejected() {
        assertEquals(Reason.USERUNKNOWN, reason("a@b.example", "550 unknown user (in reply to RCPT TO command)"));
        assertEquals(Reason.FILTERED, reason("a@b.example", "550 unknown user (in reply to end of DATA command)"));
        assertEquals(Reason.REJECTED, reason("a@b.example", "553 unknown user (in reply to MAIL FROM command)"));
    }

    @Test
    void statusCodeNamingTheMailboxDecidesUserUnknownWithoutCommand() {
        assertEquals(Reason.USERUNKNOWN, reason("a@b.example", "550 5.1.1 unknown user"));
    }

    @Test
    void addressingStatusMeansTheRecipientAddressWasTheProblem() {
        // X.1.y (but not X.1.7/X.1.8, the sender's address) names the address: not a filter.
        RawFailure afterData = RawFailure.builder().recipient("a@b.example").status("5.1.0")
                .diagnostic("550 unknown user").command("DATA").action("failed").build();
        assertEquals(Reason.USERUNKNOWN, Classifier.classify(afterData));
        assertEquals(Reason.FILTERED, Classifier.classify(afterData.toBuilder().status("5.7.1").build()));
        assertFalse(Classifier.namesDestinationAddress("5.1.8"));
    }

    @Test
    void sizeCodeSaysWhichLimitTheTextDoesNot() {
        assertEquals(Reason.EXCEEDLIMIT, reason("a@b.example", "552 5.2.3 message size exceeds fixed maximum message size"));
        assertEquals(Reason.MESGTOOBIG, reason("a@b.example", "552 5.3.4 message size exceeds fixed maximum message size"));
    }

    @Test
    void missingAuthenticationBeatsTheRelayWording() {
        assertEquals(Reason.SECURITYERROR, reason("a@b.example",
                "550 mx.example.net is not permitted to relay through this server without authentication"));
        assertEquals(Reason.NORELAYING, reason("a@b.example", "554 5.7.1 <a@b.example>: Relay access denied"));
    }

    @Test
    void refusalBeforeMailFromIsAboutTheConnectingHost() {
        // Nothing about an address or a message is known at the greeting or HELO.
        assertEquals(Reason.BLOCKED, reason("a@b.example",
                "SMTP error from remote mail server after initial connection: 554 you have reached your daily relay quota"));
        assertEquals(Reason.BLOCKED, reason("a@b.example", "550 sender address rejected (in reply to EHLO command)"));
        // ... but a host-level reason named at the greeting stays what it is.
        assertEquals(Reason.REQUIREPTR, reason("a@b.example",
                "SMTP error from remote mail server after initial connection: 550 no PTR record found, reverse DNS required"));
    }

    @Test
    void heloFieldOfALoggedLineIsNotTheHeloCommand() {
        assertEquals(Reason.SPAMDETECTED, reason("a@b.example",
                "550-REJECTED - blacklisted URL in message 550-H=mx.example.net [192.0.2.1] HELO=[mx.example.net]"));
    }

    @Test
    void reputationVerdictInReplyToMailFromIsOnTheSender() {
        assertEquals(Reason.BADREPUTATION, reason("a@b.example", "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred"));
        assertEquals(Reason.REJECTED, reason("a@b.example",
                "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred (in reply to MAIL FROM command)"));
    }

    @Test
    void missingHostNameIsHostUnknown() {
        assertEquals(Reason.HOSTUNKNOWN, reason("a@b.example", "553 mx.b.example does not exist"));
        assertEquals(Reason.USERUNKNOWN, reason("a@b.example", "550 5.1.1 mailbox a@b.example does not exist"));
        assertFalse(Classifier.namesMissingHost("550 the account you tried to reach does not exist"));
        assertFalse(Classifier.namesMissingHost("550 john.smith does not exist"));
    }

    @Test
    void mailSystemStatusIsSystemErrorButALocalProgramsIsMailerError() {
        assertEquals(Reason.SYSTEMERROR, reason("a@b.example", "451 4.3.0 Error: queue file write error"));
        RawFailure pipe = RawFailure.builder().recipient("a@b.example").status("4.3.0").diagnostic("temporary failure")
                .diagnosticType("X-Unix").action("failed").build();
        assertEquals(Reason.MAILERERROR, Classifier.classify(pipe));
    }

    @Test
    void providerHintAppliesOnlyAtThatProviderAndCommand() {
        RawFailure atDocomoAfterData = RawFailure.builder().recipient("a@docomo.ne.jp").remoteMta("mfsmx.docomo.ne.jp")
                .diagnostic("550 Unknown user a@docomo.ne.jp").command("DATA").action("failed").build();
        assertEquals(Reason.REJECTED, Classifier.classify(atDocomoAfterData));
        RawFailure atDocomoRcpt = atDocomoAfterData.toBuilder().command("RCPT").build();
        assertEquals(Reason.USERUNKNOWN, Classifier.classify(atDocomoRcpt));
        RawFailure elsewhere = atDocomoAfterData.toBuilder().remoteMta("mx.example.net").recipient("a@example.net").build();
        assertEquals(Reason.FILTERED, Classifier.classify(elsewhere));
        // With no remote host the recipient's domain stands for it.
        RawFailure byDomain = atDocomoAfterData.toBuilder().remoteMta("").build();
        assertEquals(Reason.REJECTED, Classifier.classify(byDomain));
    }

    @Test
    void providerCodeListedForSeveralHosts() {
        RawFailure orange = RawFailure.builder().recipient("a@wanadoo.fr").diagnostic("552 5.1.1 Boite du destinataire pleine. OFR_417 [417]")
                .action("failed").build();
        assertEquals(Reason.MAILBOXFULL, Classifier.classify(orange));
        RawFailure laPoste = orange.toBuilder().recipient("a@laposte.net").diagnostic("550 5.5.0 Le compte du destinataire est bloque. LPN007_426").build();
        assertEquals(Reason.SUSPEND, Classifier.classify(laPoste));
    }

    @Test
    void vendorCategoryIsDecisive() {
        assertEquals(Reason.TOOMANYCONN, reason("a@charter.example",
                "550 5.1.0 <x@y.example> sender rejected. See the error code page. AUP#In-1310"));
    }

    @Test
    void sendingMtasOwnCategoryIsReadWithTheText() {
        RawFailure vague = RawFailure.builder().recipient("a@b.example").diagnostic("550 5.0.0 message refused")
                .action("failed").category("X-PowerMTA-BounceCategory: quota-issues").build();
        assertEquals(Reason.MAILBOXFULL, Classifier.classify(vague));
        assertEquals(Reason.ONHOLD, Classifier.classify(vague.toBuilder().category("").build()));
    }

    @Test
    void malformedAddressIsSyntaxError() {
        assertEquals(Reason.SYNTAXERROR, reason("a@b.example", "malformed address: <a@b.example> may not follow c@d.example"));
    }

    @Test
    void deliveredAndHintsComeFirst() {
        assertEquals(Reason.DELIVERED, Classifier.classify(RawFailure.builder().recipient("a@b.example").status("2.0.0").action("delivered").build()));
        assertEquals(Reason.FEEDBACK, Classifier.classify(RawFailure.builder().recipient("a@b.example").reasonHint("feedback").build()));
    }

    @Test
    void temporaryFailureWithoutCauseIsExpiredAndNothingAtAllIsOnHold() {
        assertEquals(Reason.EXPIRED, Classifier.classify(RawFailure.builder().recipient("a@b.example").status("4.0.0").action("failed").build()));
        assertEquals(Reason.EXPIRED, Classifier.classify(RawFailure.builder().recipient("a@b.example").action("delayed").build()));
        assertEquals(Reason.ONHOLD, Classifier.classify(RawFailure.builder().recipient("a@b.example").status("5.0.0").action("failed").build()));
    }

    @Test
    void standInStatusFollowsTheReasonAndWhetherItWasTemporary() {
        assertEquals("5.0.911", PseudoStatus.of(Reason.USERUNKNOWN, false));
        assertEquals("5.0.970", PseudoStatus.of(Reason.SECURITYERROR, false));
        assertEquals("4.0.924", PseudoStatus.of(Reason.FILTERED, true));
        assertEquals("5.0.910", PseudoStatus.of(Reason.FILTERED, false));
        assertEquals("", PseudoStatus.of(Reason.FEEDBACK, false));
    }

    @Test
    void statusCodesFollowRfc3463() {
        assertEquals(Reason.SYSTEMFULL, StatusCodes.reasonOf("4.4.5"));   // mail system congestion
        assertEquals(Reason.NETWORKERROR, StatusCodes.reasonOf("4.4.4")); // unable to route, for now
        assertEquals(Reason.HOSTUNKNOWN, StatusCodes.reasonOf("5.4.4"));  // unable to route, for good
        assertEquals(Reason.SYSTEMERROR, StatusCodes.reasonOf("5.1.9"));  // relayed to a non-compliant mailer
        assertEquals(Reason.HASMOVED, StatusCodes.reasonOf("5.7.17"));    // mailbox owner has changed
        assertEquals(null, StatusCodes.reasonOf("2.1.5"));                 // destination address valid
    }

    @Test
    void hardBounceOnlyForAddressLevelPermanentReasons() {
        assertTrue(Reason.USERUNKNOWN.isHard("5.1.1", "550"));
        assertTrue(Reason.NOTACCEPT.isHard("5.1.10", ""));
        assertFalse(Reason.NOTACCEPT.isHard("4.1.10", "450"));
        assertFalse(Reason.MAILBOXFULL.isHard("5.2.2", "552"));
    }
}
