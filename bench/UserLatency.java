import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a logged-in user notices: GET PATH at a fixed RATE per second for SECONDS, each request sent at
 * its planned time whatever the previous ones did, latency counted from that planned time (so a
 * stalled server is not hidden by a client that waits for it). Prints p50, p90, p99 and max. The first
 * WARM_UP_SECONDS at the same rate are not counted: they measure this client's own JIT and TLS start.
 * Stops early once STOP_FILE (optional) exists. Only ever targets 127.0.0.1 or localhost.
 * Run: java bench/UserLatency.java BASE_URL CERT_PEM SESSION_COOKIE PATH RATE SECONDS [STOP_FILE]
 */
public class UserLatency {
    private static final int WARM_UP_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("only 127.0.0.1 or localhost may be targeted");
        }
        SSLContext ssl = trusting(Path.of(args[1]));
        String cookie = args[2];
        URI target = base.resolve(args[3]);
        int rate = Integer.parseInt(args[4]);
        int seconds = Math.min(Integer.parseInt(args[5]), 600);
        Path stopFile = args.length > 6 ? Path.of(args[6]) : null;
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        send(http, target, cookie, rate, WARM_UP_SECONDS, null, new ArrayList<>(), new ConcurrentHashMap<>());
        System.out.println("  warmed up, measuring");
        System.out.flush();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        send(http, target, cookie, rate, seconds, stopFile, latencies, statuses);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("  %d requests at %d/s: p50=%s p90=%s p99=%s max=%s statuses=%s%n", sorted.size(), rate,
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0), statuses);
    }

    private static void send(HttpClient http, URI target, String cookie, int rate, int seconds, Path stopFile,
            List<Long> latencies, ConcurrentHashMap<Integer, AtomicInteger> statuses) throws InterruptedException {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total && (stopFile == null || !Files.exists(stopFile)); i++) {
                long planned = start + i * intervalNanos;
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                senders.submit(() -> {
                    int status;
                    try {
                        status = http.send(HttpRequest.newBuilder(target).header("Cookie", cookie)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.add(System.nanoTime() - planned);
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                });
            }
        }
    }

    private static String ms(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.0fms", sorted.get(Math.max(0, index)) / 1e6);
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("procura", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
