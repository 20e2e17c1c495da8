package dev.smtpd4c.bounce.cli;

import dev.smtpd4c.bounce.BounceParser;
import dev.smtpd4c.bounce.BounceRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ParseBounces PATH...}: one JSON line per result on stdout. Directories are walked
 * recursively in sorted order and "file" is relative to the directory given; an unreadable file
 * is reported on stderr and the run goes on. Exit status 1 if any path could not be read.
 */
public final class ParseBounces {
    private ParseBounces() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ParseBounces PATH...   (files or directories of e-mail)");
            System.exit(2);
        }
        BounceParser parser = new BounceParser();
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        boolean failed = false;
        for (String arg : args) {
            Path root = Path.of(arg);
            for (Path file : files(root, System.err)) {
                String name = Files.isDirectory(root) ? root.relativize(file).toString() : arg;
                try {
                    for (BounceRecord r : parser.parse(Files.readAllBytes(file))) out.write(Json.line(name, r));
                } catch (IOException | RuntimeException e) {
                    failed = true;
                    out.flush();
                    System.err.println("parse-bounces: cannot read " + file + ": " + e);
                }
            }
        }
        out.flush();
        if (failed) System.exit(1);
    }

    static List<Path> files(Path root, PrintStream err) {
        if (!Files.isDirectory(root)) return List.of(root);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException | RuntimeException e) {
            err.println("parse-bounces: cannot list " + root + ": " + e);
        }
        return out;
    }
}
