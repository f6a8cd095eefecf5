package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.security.lockout.Lock;
import com.procura.security.lockout.LockoutService;
import com.procura.testing.MutableClock;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Counters in the database: concurrent failures (as from several nodes) are all counted. */
class LockoutCountersIT {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void concurrentFailuresOnANewCounterAreAllCounted(TestDatabases.Engine engine) throws Exception {
        try (TestApp app = TestApp.demo(folder, engine)) {
            // A second service on the same database plays a second node with its own cache.
            LockoutService node1 = app.app().security().lockout();
            LockoutService node2 = new LockoutService(app.app().database().dataSource(),
                    app.app().security().policies(), MutableClock.now());
            int failures = 10;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(failures);
            List<Future<List<Lock>>> results = new ArrayList<>();
            for (int i = 0; i < failures; i++) {
                LockoutService node = i % 2 == 0 ? node1 : node2;
                results.add(pool.submit(() -> {
                    go.await();
                    return node.recordFailure("racer", "192.0.2.1");
                }));
            }
            go.countDown();
            List<Lock> started = new ArrayList<>();
            for (Future<List<Lock>> result : results) {
                started.addAll(result.get());
            }
            pool.shutdown();
            // Ten failures with a threshold of five: the pair is locked twice (levels 1 and 2).
            assertThat(started).filteredOn(lock -> lock.kind() == Lock.Kind.PAIR)
                    .extracting(Lock::level).containsExactlyInAnyOrder(1, 2);
            assertThat(node2.lockOf("racer", "192.0.2.1")).hasValue(Lock.Kind.PAIR);
            assertThat(node1.lockOf("racer", "192.0.2.2")).isEmpty();
        }
    }
}
