package com.procura.upgrade.benchmark;

import com.procura.upgrade.appliance.EventLog;
import com.procura.upgrade.appliance.HopOutcome;
import com.procura.upgrade.appliance.StepHook;
import com.procura.upgrade.appliance.UpgradeManager;
import com.procura.upgrade.cli.UpgradeWiring;
import com.procura.upgrade.testsupport.FakeProcuraApp;
import com.procura.upgrade.testsupport.FakeProcuraApp.Behaviour;
import com.procura.upgrade.testsupport.ReleaseRepo;
import com.procura.upgrade.testsupport.TestAppliance;
import com.procura.upgrade.testsupport.TestAppliance.TlsMaterial;
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
 * Measures, with the fake application, (1) the downtime of an upgrade without schema change as seen by a client
 * polling /health/ready every 100 ms, and (2) the time to roll back an upgrade whose migration fails.
 * Run: see upgrade/README.md ("Benchmark"). Arguments: [runs] (default 5).
 */
public final class UpgradeDowntimeBenchmark {

    private UpgradeDowntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path temp = Files.createTempDirectory("procura-upgrade-benchmark");
        FakeProcuraApp app = FakeProcuraApp.compile();
        TlsMaterial tls = TlsMaterial.generate(temp.resolve("tls"));
        ReleaseRepo repo = ReleaseRepo.create(temp.resolve("publisher"), app);
        Path bundle100 = repo.bundle("1.0.0", Behaviour.HEALTHY);
        repo.publishToLive(bundle100, "1.0.0");
        repo.publishToLive(repo.bundle("1.1.0", Behaviour.HEALTHY), "1.1.0");
        ReleaseRepo failing = ReleaseRepo.create(temp.resolve("publisher-failing"), app);
        failing.publishToLive(failing.bundle("1.0.0", Behaviour.HEALTHY), "1.0.0");
        failing.publishToLive(failing.bundle("1.1.0", Behaviour.MIGRATION_FAILS), "1.1.0");

        List<Long> downtimes = new ArrayList<>();
        List<Long> upgradeDurations = new ArrayList<>();
        List<Long> rollbackTimes = new ArrayList<>();
        List<Long> failedUpgradeDurations = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (TestAppliance appliance = TestAppliance.install(temp.resolve("ok-" + run), repo.dir, bundle100, "live", tls, Map.of());
                 HealthPoller poller = HealthPoller.start(appliance)) {
                long start = System.nanoTime();
                List<HopOutcome> outcomes = manager(appliance).apply();
                upgradeDurations.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(300);
                poller.stop();
                require(outcomes.size() == 1 && outcomes.get(0).committed(), "upgrade did not commit: " + outcomes);
                downtimes.add(poller.longestOutageMillis());
                System.out.printf("run %d: upgrade 1.0.0 -> 1.1.0 downtime %d ms (apply took %d ms)%n", run,
                        poller.longestOutageMillis(), upgradeDurations.get(upgradeDurations.size() - 1));
            }
            try (TestAppliance appliance = TestAppliance.install(temp.resolve("failing-" + run), failing.dir,
                    failing.bundle("1.0.0", Behaviour.HEALTHY), "live", tls, Map.of())) {
                UpgradeManager manager = manager(appliance);
                long start = System.nanoTime();
                List<HopOutcome> outcomes = manager.apply();
                failedUpgradeDurations.add((System.nanoTime() - start) / 1_000_000);
                require(outcomes.size() == 1 && !outcomes.get(0).committed(), "failing upgrade was not rolled back: " + outcomes);
                long rollback = rollbackMillis(manager.history());
                rollbackTimes.add(rollback);
                System.out.printf("run %d: failed migration 1.0.0 -> 1.1.0 rolled back in %d ms (failure detected to 1.0.0 ready;"
                        + " whole apply %d ms)%n", run, rollback, failedUpgradeDurations.get(failedUpgradeDurations.size() - 1));
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

    private static UpgradeManager manager(TestAppliance appliance) throws Exception {
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

        private HealthPoller(TestAppliance appliance) {
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

        static HealthPoller start(TestAppliance appliance) {
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
