import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bounded password-guessing run against a local Procura: ATTEMPTS logins from this one address,
 * spread over the given account names, CONCURRENCY at a time. Prints how many got in (must be 0)
 * and the answers it saw. Only ever targets the base URL given (use 127.0.0.1).
 * Run: java bench/BruteForce.java BASE_URL CERT_PEM ATTEMPTS CONCURRENCY name1,name2,...
 */
public class BruteForce {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().equals("127.0.0.1") && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("only 127.0.0.1 or localhost may be targeted");
        }
        SSLContext ssl = trusting(Path.of(args[1]));
        int attempts = Math.min(Integer.parseInt(args[2]), 100_000);
        int concurrency = Integer.parseInt(args[3]);
        List<String> accounts = List.of(args[4].split(","));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = Thread.ofPlatform().start(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().sslContext(ssl).cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
                    String csrf = csrf(http, base);
                    for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                        String account = accounts.get(i % accounts.size());
                        String form = "_csrf=" + enc(csrf) + "&username=" + enc(account) + "&password="
                                + enc("guess-" + i + "-not-the-password");
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 302) {
                            admitted.incrementAndGet();
                        }
                        if (response.statusCode() == 403) {
                            csrf = csrf(http, base);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("brute force: %d attempts against %d accounts in %.1f s (%.0f/s), admitted=%d, statuses=%s%n",
                attempts, accounts.size(), seconds, attempts / seconds, admitted.get(), statuses);
        System.exit(admitted.get() == 0 ? 0 : 1);
    }

    private static String csrf(HttpClient http, String base) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
