package dev.smtpd4c.bounce.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the classifier's data files by fixed names (works in a native image with the resources included). */
final class Resources {
    private Resources() {}

    /** Non-blank, non-comment lines, trimmed and lower-cased; a missing file is an empty list. */
    static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                String t = l.trim();
                if (!t.isEmpty() && !t.startsWith("#")) out.add(t.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classifier data " + name, e);
        }
        return out;
    }
}
