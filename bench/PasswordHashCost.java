import com.procura.security.PasswordHasher;

/**
 * Cost of one login's password check (Argon2id m=19 MiB, t=2, p=1) on this machine.
 * Run: java -cp webapp/target/procura.jar bench/PasswordHashCost.java [ROUNDS]
 */
public class PasswordHashCost {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        PasswordHasher hasher = new PasswordHasher();
        char[] password = "correct-horse-battery".toCharArray();
        String stored = hasher.hash(password);
        for (int i = 0; i < 10; i++) {
            hasher.matches(password, stored);
        }
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            if (!hasher.matches(password, stored)) {
                throw new IllegalStateException("hash does not verify");
            }
            millis[i] = (System.nanoTime() - start) / 1_000;
        }
        java.util.Arrays.sort(millis);
        System.out.printf("argon2id m=19MiB t=2 p=1: %d verifications, median %.1f ms, p90 %.1f ms, min %.1f ms%n",
                rounds, millis[rounds / 2] / 1000.0, millis[rounds * 9 / 10] / 1000.0, millis[0] / 1000.0);

        int threads = Runtime.getRuntime().availableProcessors();
        int perThread = Math.max(5, rounds / threads);
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads * 2];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    hasher.matches(password, stored);
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("throughput with %d threads on %d cores (hashing capped at %d threads, half the cores): %.1f logins/s%n",
                workers.length, threads, Math.max(1, threads / 2), workers.length * perThread / seconds);
    }
}
