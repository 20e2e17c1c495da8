import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load for optin-service's sign-up: RATE requests per second for SECONDS, each sent at
 * its scheduled time whether or not earlier ones have answered (so a slow server cannot slow the
 * offered load down, and queueing shows up in the latencies). Writes one line per sign-up,
 * "address sent_epoch_micros http_status http_latency_micros", for optin-bench.sh to join with
 * the time the relay accepted each mail.
 *   usage: java OptinLoad.java BASE_URL RATE SECONDS RUN_ID OUT_FILE
 */
public class OptinLoad {

    record Result(String address, long sentMicros, int status, long latencyMicros) {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String run = args[3];
        Path out = Path.of(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/v1/subscriptions");
        int total = rate * seconds;
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String address = "bench-" + run + "-" + i + "@smtpd4c.test";
            String body = "{\"address\":\"" + address + "\",\"list\":\"bench\",\"source\":\"optin-bench\",\"locale\":\"en\"}";
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sentNanos = System.nanoTime();
            long sentMicros = System.currentTimeMillis() * 1000 + (sentNanos / 1000) % 1000;
            pending.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                results.add(new Result(address, sentMicros, r == null ? -1 : r.statusCode(), (System.nanoTime() - sentNanos) / 1000));
                return null;
            }));
        }
        long offeredNanos = System.nanoTime() - start;
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long allAnsweredNanos = System.nanoTime() - start;

        List<Long> lat = new ArrayList<>();
        int ok = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Result r : results) {
                w.println(r.address() + " " + r.sentMicros() + " " + r.status() + " " + r.latencyMicros());
                if (r.status() == 202) {
                    ok++;
                    lat.add(r.latencyMicros());
                }
            }
        }
        Collections.sort(lat);
        System.out.printf("offered       %d sign-ups in %.2f s = %.1f/s (target %d/s)%n", total, offeredNanos / 1e9,
                total / (offeredNanos / 1e9), rate);
        System.out.printf("answered 202  %d of %d, last answer after %.2f s%n", ok, total, allAnsweredNanos / 1e9);
        if (!lat.isEmpty()) {
            System.out.printf("HTTP latency  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", pct(lat, 50) / 1000.0, pct(lat, 99) / 1000.0,
                    lat.get(lat.size() - 1) / 1000.0);
        }
        System.exit(0);
    }

    static long pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
