package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our signatures checked by an independent verifier: dkimpy (Debian python3-dkim), with the
 * key record handed to it directly instead of from DNS. Skipped where dkimpy is not installed.
 */
class DkimpyInteropTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String VERIFY = """
            import sys, dkim
            msg = open(sys.argv[1], 'rb').read()
            txt = open(sys.argv[2], 'rb').read().strip()
            ok = dkim.verify(msg, dnsfunc=lambda name, timeout=5: txt)
            print('pass' if ok else 'fail')
            """;

    @TempDir
    Path tmp;

    @Test
    void dkimpyVerifiesOurRsaSha256Signature() throws Exception {
        PrivateKey key = DkimConformanceTest.rsaKey("test.private");
        RawMessage message = TestResources.message(DkimConformanceTest.DIR + "dkimpy/test.message");
        RawMessage signed = DkimConformanceTest.sign(message, key, DkimAlgorithm.RSA_SHA256, "example.com", "test");
        assertEquals("pass", dkimpy(signed, TestResources.text(DkimConformanceTest.DIR + "dkimpy/test.txt")));
    }

    @Test
    void dkimpyVerifiesOurEd25519Signature() throws Exception {
        PrivateKey key = PrivateKeys.ed25519FromSeed(TestResources.text(DkimConformanceTest.DIR + "dkimpy/ed25519test.key"));
        RawMessage message = TestResources.message(DkimConformanceTest.DIR + "dkimpy/ed25519test.msg");
        RawMessage signed = DkimConformanceTest.sign(message, key, DkimAlgorithm.ED25519_SHA256, "example.net", "test");
        assertEquals("pass", dkimpy(signed, TestResources.text(DkimConformanceTest.DIR + "dkimpy/ed25519test.dns")));
    }

    private String dkimpy(RawMessage message, String keyRecord) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        Path script = Files.writeString(tmp.resolve("verify.py"), VERIFY);
        Path msg = Files.write(tmp.resolve("msg.eml"), message.toBytes());
        Path txt = Files.writeString(tmp.resolve("key.txt"), keyRecord);
        Process p = new ProcessBuilder(PYTHON, script.toString(), msg.toString(), txt.toString())
                .redirectErrorStream(true).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "dkimpy did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(!out.contains("No module named"), "python3-dkim not installed");
        return out;
    }
}
