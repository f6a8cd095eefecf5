package com.procura.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.security.secondfactor.TanService;
import com.procura.testing.MutableClock;
import com.procura.testing.TestApp;
import com.procura.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TANs in the database: one use, bound, hashed, expiring; on H2 and MariaDB. */
class TanRaceIT {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void concurrentAttemptsWithTheSameTanHaveExactlyOneWinner(TestDatabases.Engine engine) throws Exception {
        try (TestApp app = TestApp.demo(folder, engine)) {
            TanService tans = new TanService(app.app().database().dataSource(), MutableClock.now());
            String binding = TanService.newBinding();
            TanService.Issued issued = tans.issue(1, binding);
            int racers = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<Future<TanService.Check>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return tans.use(issued.id(), binding, issued.tan());
                }));
            }
            go.countDown();
            List<TanService.Check> checks = new ArrayList<>();
            for (Future<TanService.Check> result : results) {
                checks.add(result.get());
            }
            pool.shutdown();
            assertThat(checks).filteredOn(c -> c == TanService.Check.USED).hasSize(1);
            assertThat(checks).filteredOn(c -> c != TanService.Check.USED).allMatch(c -> c == TanService.Check.REPLAYED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void tanIsStoredOnlyAsAHashAndRefusedWithAnotherBindingOrAfterFiveMinutes(TestDatabases.Engine engine)
            throws Exception {
        try (TestApp app = TestApp.demo(folder, engine)) {
            MutableClock clock = MutableClock.now();
            TanService tans = new TanService(app.app().database().dataSource(), clock);
            String binding = TanService.newBinding();
            TanService.Issued issued = tans.issue(1, binding);
            try (var connection = app.app().database().dataSource().getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT tan_hash, binding_hash FROM login_tan")) {
                while (rows.next()) {
                    assertThat(rows.getString(1)).hasSize(64).doesNotContain(issued.tan());
                    assertThat(rows.getString(2)).isNotEqualTo(binding);
                }
            }
            assertThat(tans.use(issued.id(), TanService.newBinding(), issued.tan())).isEqualTo(TanService.Check.NOT_BOUND);
            clock.advance(Duration.ofMinutes(5));
            assertThat(tans.use(issued.id(), binding, issued.tan())).isEqualTo(TanService.Check.EXPIRED);
        }
    }
}
