package dev.smtpd4c.bounce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Access to the test corpus (a copy of the public bounce corpus, BSD-2, see its README). */
final class Corpus {
    static final Path ROOT = Path.of("src/test/resources/corpus/bounces");

    private Corpus() {}

    static List<Path> files(String sub) throws IOException { return files(ROOT, sub); }

    static List<Path> files(Path root, String sub) throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve(sub))) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    static String rel(Path p) { return ROOT.relativize(p).toString(); }

    private static final Pattern PAIR = Pattern.compile("\"([a-z]{1,20})\":\\s?(\"(?:[^\"\\\\]|\\\\.){0,2000}+\"|true|false|-?\\d{1,9})");

    /** The flat string/boolean/number fields of one JSON line (enough for the expected.*.jsonl files). */
    static Map<String, String> row(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = PAIR.matcher(line);
        while (x.find()) {
            String v = x.group(2);
            m.put(x.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return m;
    }

    static List<Map<String, String>> rows(String file) throws IOException { return rows(ROOT.resolve(file)); }

    static List<Map<String, String>> rows(Path file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) if (!l.isBlank()) out.add(row(l));
        return out;
    }
}
