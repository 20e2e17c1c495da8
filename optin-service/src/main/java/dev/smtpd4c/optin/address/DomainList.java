package dev.smtpd4c.optin.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a domain list: one domain a line, '#' starts a comment, IDNs converted to A-labels, order kept. */
final class DomainList {

    private DomainList() {}

    static List<String> fromResource(String name) {
        InputStream in = DomainList.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the build");
        }
        return read(in, name);
    }

    static List<String> fromFile(Path path) {
        try {
            return read(Files.newInputStream(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read domain list " + path, e);
        }
    }

    private static List<String> read(InputStream in, String what) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                int hash = line.indexOf('#');
                String d = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (d.isEmpty()) {
                    continue;
                }
                try {
                    out.add(IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + " line " + lineNo + ": not a domain: " + d, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read domain list " + what, e);
        }
        return out;
    }
}
