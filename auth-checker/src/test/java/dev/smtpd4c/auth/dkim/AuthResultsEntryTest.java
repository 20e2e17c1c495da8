package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtpd4c.auth.arc.ArcAuthResults;
import dev.smtpd4c.auth.arc.ArcChainStatus;
import dev.smtpd4c.auth.arc.ArcResult;
import dev.smtpd4c.auth.AuthResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthResultsEntryTest {

    @Test
    void dkimPassAndFailEntries() throws Exception {
        List<DkimResult> rs = new DkimVerifier(DkimConformanceTest.rfc8463Dns(), DkimConformanceTest.CLOCK)
                .verify(TestResources.message(DkimConformanceTest.DIR + "rfc8463/signed.eml"));
        assertEquals("dkim=pass (256-bit key) header.d=football.example.com header.i=@football.example.com"
                + " header.s=brisbane header.a=ed25519-sha256 header.b=\"/gCrinpc\"", DkimAuthResults.entry(rs.get(0)));
        DkimResult hostile = new DkimResult("example.com", "s", "rsa-sha256", "@example.com", "", AuthResult.PERMERROR,
                "bad \"tag\"\r\n\\", 0, false, List.of());
        assertEquals("dkim=permerror reason=\"bad \\\"tag\\\"??\\\\\" header.d=example.com header.i=@example.com"
                + " header.s=s header.a=rsa-sha256", DkimAuthResults.entry(hostile));
    }

    @Test
    void arcEntries() {
        assertEquals("arc=pass (i=2)", ArcAuthResults.entry(new ArcResult(ArcChainStatus.PASS, "", 2, 1, "x.example")));
        assertEquals("arc=pass (i=3) header.oldest-pass=2",
                ArcAuthResults.entry(new ArcResult(ArcChainStatus.PASS, "", 3, 2, "x.example")));
        assertEquals("arc=fail reason=\"incomplete ARC set for instance 1\"",
                ArcAuthResults.entry(new ArcResult(ArcChainStatus.FAIL, "incomplete ARC set for instance 1", 1, 0, "")));
        assertEquals("arc=none", ArcAuthResults.entry(new ArcResult(ArcChainStatus.NONE, "no ARC sets", 0, 0, "")));
    }
}
