package com.procura.upgrade.benchmark;

import com.procura.upgrade.appliance.EventLog;
import com.procura.upgrade.appliance.HopOutcome;
import com.procura.upgrade.appliance.StepHook;
import com.procura.upgrade.appliance.UpgradeManager;
import com.procura.upgrade.cli.UpgradeWiring;
import com.procura.upgrade.realapp.ProcuraBuilds;
import com.procura.upgrade.realapp.RealAppliance;
import com.procura.upgrade.repo.ReleaseVersion;
import com.procura.upgrade.testsupport.ReleaseRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures, with the real application ({@code webapp/target/procura.jar} as A, the same jar with a higher version as B),
 * (1) the downtime of an upgrade without schema change as seen by a client polling /health/ready every 100 ms, and
 * (2) the time to roll back an upgrade whose migration fails. Each run uses a fresh appliance root with its H2 database
 * (first administrator created) and a fresh class-data-sharing folder: A has run once, so its archive exists; B starts
 * for the first time, as a new release does. Run: {@code bench/upgrade-downtime.sh [runs]}.
 * Arguments: [runs] (default 5) [cds|no-cds] (default cds: the {@code ./procura} launcher's settings).
 */
public final class UpgradeDowntimeBenchmark {

    private UpgradeDowntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean cds = args.length < 2 || args[1].equals("cds");
        Path temp = Files.createTempDirectory("procura-upgrade-benchmark");
        Path jar = ProcuraBuilds.builtJar();
        String versionA = ProcuraBuilds.versionOf(jar);
        List<Integer> a = ReleaseVersion.parse(versionA).numbers();
        String versionB = a.get(0) + "." + (a.get(1) + 1) + ".0";
        String broken = a.get(0) + "." + (a.get(1) + 1) + ".1";
        ReleaseRepo repo = ReleaseRepo.create(temp.resolve("publisher"));
        Path bundleA = repo.bundleJar(jar, "Procura " + versionA);
        repo.publishToLive(bundleA, versionA);
        repo.publishToLive(repo.bundleJar(ProcuraBuilds.variant(jar, temp.resolve("jars"), versionB, Map.of()), "no schema change"),
                versionB);
        ReleaseRepo failing = ReleaseRepo.create(temp.resolve("publisher-failing"));
        failing.publishToLive(bundleA, versionA);
        failing.publishToLive(failing.bundleJar(ProcuraBuilds.variant(jar, temp.resolve("jars"), broken,
                Map.of("V1000__fails.sql", "CREATE TABLE upgrade_half_done (id INT);\nINSERT INTO no_such_table VALUES (1);\n")),
                "a migration that fails"), broken);
        System.out.printf("A = %s (%s), B = %s, failing B = %s; JVM options %s%s%n", versionA, jar, versionB, broken,
                RealAppliance.JAVA_OPTIONS, cds ? " + a CDS archive per release" : ", no CDS");

        List<Long> downtimes = new ArrayList<>();
        List<Long> upgradeDurations = new ArrayList<>();
        List<Long> rollbackTimes = new ArrayList<>();
        List<Long> failedUpgradeDurations = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (RealAppliance appliance = applianceOnA(temp.resolve("ok-" + run), repo, bundleA, cds)) {
                HealthPoller poller = HealthPoller.start(appliance);
                long start = System.nanoTime();
                List<HopOutcome> outcomes = manager(appliance).apply();
                upgradeDurations.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(300);
                poller.stop();
                require(outcomes.size() == 1 && outcomes.get(0).committed(), "upgrade did not commit: " + outcomes);
                require(appliance.readyVersion().equals(java.util.Optional.of(versionB)), "B is not the one answering");
                downtimes.add(poller.longestOutageMillis());
                System.out.printf("run %d: upgrade %s -> %s downtime %d ms (apply took %d ms)%n", run, versionA, versionB,
                        poller.longestOutageMillis(), upgradeDurations.get(upgradeDurations.size() - 1));
            }
            try (RealAppliance appliance = applianceOnA(temp.resolve("failing-" + run), failing, bundleA, cds)) {
                UpgradeManager manager = manager(appliance);
                long start = System.nanoTime();
                List<HopOutcome> outcomes = manager.apply();
                failedUpgradeDurations.add((System.nanoTime() - start) / 1_000_000);
                require(outcomes.size() == 1 && !outcomes.get(0).committed(), "failing upgrade was not rolled back: " + outcomes);
                long rollback = rollbackMillis(manager.history());
                rollbackTimes.add(rollback);
                System.out.printf("run %d: failed migration %s -> %s rolled back in %d ms (failure detected to %s ready, database"
                        + " restored; whole apply %d ms)%n", run, versionA, broken, rollback, versionA,
                        failedUpgradeDurations.get(failedUpgradeDurations.size() - 1));
            }
        }
        System.out.println();
        System.out.println("downtime of an upgrade without schema change (client polling /health/ready every 100 ms): "
                + summary(downtimes) + " (target <= 5000 ms)");
        System.out.println("whole upgrade (apply: preflight .. commit): " + summary(upgradeDurations));
        System.out.println("roll back of a failed upgrade (failure detected -> previous release ready, database restored): "
                + summary(rollbackTimes) + " (target <= 15000 ms)");
        System.out.println("whole failed apply (preflight .. rolled back): " + summary(failedUpgradeDurations));
    }

    /** A fresh appliance on A with an administrator; A restarted once so that its CDS archive exists, as on a running appliance. */
    private static RealAppliance applianceOnA(Path root, ReleaseRepo repo, Path bundleA, boolean cds) throws Exception {
        Map<String, String> settings = cds ? Map.of() : Map.of("cds.dir", "");
        RealAppliance appliance = RealAppliance.install(root, repo.dir, bundleA, "live", root.resolve("cds"), settings);
        appliance.createFirstAdmin("bench-admin", "Kettle-Orchard-Lantern-41");
        appliance.restartAndAwaitReady();
        return appliance;
    }

    private static UpgradeManager manager(RealAppliance appliance) throws Exception {
        return UpgradeWiring.manager(appliance.root, Clock.systemUTC(), StepHook.NONE, "benchmark");
    }

    private static long rollbackMillis(List<EventLog.Event> history) {
        Instant started = null;
        for (EventLog.Event event : history) {
            if (event.event().equals("rollback-started")) {
                started = Instant.parse(event.time());
            } else if (event.event().equals("rolled-back") && started != null) {
                return Duration.between(started, Instant.parse(event.time())).toMillis();
            }
        }
        throw new IllegalStateException("history has no rollback-started / rolled-back pair: " + history);
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + " ms, min " + sorted.get(0) + " ms, max " + sorted.get(sorted.size() - 1)
                + " ms over " + sorted.size() + " runs";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** A client polling /health/ready every 100 ms; the outage is the gap between the 200s around the failing polls. */
    private static final class HealthPoller implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<long[]> polls = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        private HealthPoller(RealAppliance appliance) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    boolean ok = appliance.readyVersion().isPresent();
                    polls.add(new long[] {System.nanoTime(), ok ? 1 : 0});
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HealthPoller start(RealAppliance appliance) {
            return new HealthPoller(appliance);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long longestOutageMillis() {
            long longest = 0;
            long lastOk = -1;
            boolean inOutage = false;
            synchronized (polls) {
                for (long[] poll : polls) {
                    if (poll[1] == 1) {
                        if (inOutage && lastOk >= 0) {
                            longest = Math.max(longest, (poll[0] - lastOk) / 1_000_000);
                        }
                        lastOk = poll[0];
                        inOutage = false;
                    } else {
                        inOutage = true;
                    }
                }
            }
            return longest;
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
