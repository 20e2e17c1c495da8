package dev.smtpd4c.bounce.fuzz;

import dev.smtpd4c.bounce.BounceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code FuzzMain SECONDS [CORPUS_DIR] [SEED]}: feeds mutated corpus messages ({@link Mutator}) to
 * the parser for the given time. Fails (exit 1) on any exception, and on any input whose time per
 * byte stays far above the median after re-timing: the sign of super-linear work. Offending
 * inputs are written to target/fuzz-findings/ so they can become regression tests.
 */
public final class FuzzMain {
    /** An input is suspect above this multiple of the median time per byte ... */
    static final double SLOW_FACTOR = 50;
    /** ... and only when it took this long: tiny inputs are dominated by fixed per-message costs. */
    static final long SLOW_FLOOR_NANOS = 20_000_000;

    private FuzzMain() {}

    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 180;
        Path dir = Path.of(args.length > 1 ? args[1] : "src/test/resources/corpus/bounces/maildir");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        List<byte[]> corpus = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) corpus.add(Files.readAllBytes(p));
        }
        Path findings = Path.of("target/fuzz-findings");
        BounceParser parser = new BounceParser();
        Mutator mutator = new Mutator(new Random(seed), corpus);
        double[] perByte = new double[1 << 16]; // ring of recent ns/byte figures for the median
        long runs = 0, bytes = 0, exceptions = 0, slow = 0, worstNanos = 0, worstSize = 0;
        double worstRatio = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            byte[] in = mutator.next();
            long t = 0;
            try {
                t = time(parser, in);
            } catch (Throwable e) {
                exceptions++;
                save(findings, "exception-" + runs, in);
                System.err.printf("run %d: %s on %d bytes%n", runs, e, in.length);
                continue;
            }
            double nb = (double) t / Math.max(in.length, 1);
            perByte[(int) (runs % perByte.length)] = nb;
            runs++;
            bytes += in.length;
            if (runs < 200 || t < SLOW_FLOOR_NANOS) continue;
            double median = median(perByte, (int) Math.min(runs, perByte.length));
            if (nb < SLOW_FACTOR * median) continue;
            // Re-time before blaming the input: the machine is shared, a pause is not a bug.
            long again = Math.min(time(parser, in), time(parser, in));
            double ratio = (double) again / Math.max(in.length, 1) / median;
            if (ratio > worstRatio) { worstRatio = ratio; worstNanos = again; worstSize = in.length; }
            if (again >= SLOW_FLOOR_NANOS && ratio >= SLOW_FACTOR) {
                slow++;
                save(findings, "slow-" + runs, in);
                System.err.printf("run %d: %d bytes took %.1f ms, %.0fx the median time per byte%n", runs, in.length, again / 1e6, ratio);
            }
        }
        double median = median(perByte, (int) Math.min(runs, perByte.length));
        System.out.printf("fuzz: seed %d, %d s, %,d inputs, %.1f MB, %d exceptions, %d super-linear suspects; "
                        + "median %.0f ns/byte; worst re-timed outlier %.1fx median (%,d bytes, %.1f ms)%n",
                seed, seconds, runs, bytes / 1e6, exceptions, slow, median, worstRatio, worstSize, worstNanos / 1e6);
        if (exceptions > 0 || slow > 0) System.exit(1);
    }

    private static long time(BounceParser parser, byte[] in) {
        long t0 = System.nanoTime();
        parser.parse(in);
        return System.nanoTime() - t0;
    }

    private static double median(double[] ring, int n) {
        double[] c = Arrays.copyOf(ring, n);
        Arrays.sort(c);
        return n == 0 ? 0 : c[n / 2];
    }

    private static void save(Path dir, String name, byte[] in) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".eml"), in);
        } catch (IOException e) {
            System.err.println("fuzz: cannot save finding " + name + ": " + e);
        }
    }
}
