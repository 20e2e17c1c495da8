package dev.smtpd4c.bounce.fuzz;

import dev.smtpd4c.bounce.BounceParser;
import dev.smtpd4c.bounce.BounceRecord;
import dev.smtpd4c.bounce.mail.Headers;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * {@code OutputDump CORPUS_DIR SEED COUNT}: everything the parser makes of the corpus files and of
 * COUNT mutated inputs ({@link Mutator}, fixed seed), as text: every field of every record, and a
 * checksum of the message views the formats read (text, header fields, returned headers, DSN
 * groups). bench/bounce-same-output.sh runs it against two builds and diffs the output, so a
 * speed change can prove it changed no result. Uses only API that both builds must keep.
 */
public final class OutputDump {
    private OutputDump() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<byte[]> corpus = new ArrayList<>();
        for (Path p : files) corpus.add(Files.readAllBytes(p));
        BounceParser parser = new BounceParser();
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < files.size(); i++) dump(out, "F " + dir.relativize(files.get(i)), corpus.get(i), parser);
        Mutator mutator = new Mutator(new Random(seed), corpus);
        for (int i = 0; i < count; i++) {
            byte[] in = mutator.next();
            dump(out, "M " + i + " " + in.length, in, parser);
        }
        out.flush();
    }

    private static void dump(BufferedWriter out, String label, byte[] in, BounceParser parser) throws IOException {
        ParsedMessage m = ParsedMessage.parse(in);
        CRC32 crc = new CRC32();
        add(crc, m.text());
        add(crc, m.subject());
        add(crc, m.from());
        fields(crc, m.headers());
        fields(crc, m.originalHeaders());
        m.deliveryStatus().ifPresent(ds -> {
            fields(crc, ds.perMessage());
            for (Headers h : ds.recipients()) fields(crc, h);
        });
        out.write(label + " views " + Long.toHexString(crc.getValue()) + "\n");
        for (BounceRecord r : parser.parse(in)) out.write("  " + r + "\n");
    }

    private static void fields(CRC32 crc, Headers h) {
        for (Headers.Field f : h.fields()) {
            add(crc, f.name());
            add(crc, f.value());
        }
        add(crc, "|");
    }

    private static void add(CRC32 crc, String s) {
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        crc.update(0);
    }
}
