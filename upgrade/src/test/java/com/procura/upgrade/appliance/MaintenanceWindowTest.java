package com.procura.upgrade.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weekendNightWindowContainsOnlyItsHoursInItsZone() {
        MaintenanceWindow window = MaintenanceWindow.parse("Sat,Sun 02:00-05:00", BERLIN, "upgrade.properties");

        assertThat(window.openingContaining(Instant.parse("2026-12-05T01:30:00Z"))).isPresent(); // Sat 02:30 in Berlin
        assertThat(window.openingContaining(Instant.parse("2026-12-05T04:00:00Z"))).isEmpty();   // Sat 05:00 in Berlin: closed
        assertThat(window.openingContaining(Instant.parse("2026-12-04T01:30:00Z"))).isEmpty();   // Fri
        assertThat(window.nextOpening(Instant.parse("2026-12-03T12:00:00Z"))).hasToString("2026-12-05T02:00+01:00[Europe/Berlin]");
    }

    @Test
    void windowPastMidnightBelongsToTheDayItOpens() {
        MaintenanceWindow window = MaintenanceWindow.parse("Fri 22:30-01:00", ZoneId.of("UTC"), "upgrade.properties");

        assertThat(window.openingContaining(Instant.parse("2026-12-05T00:30:00Z"))).as("Saturday 00:30, opened Friday").isPresent();
        assertThat(window.openingContaining(Instant.parse("2026-12-06T00:30:00Z"))).as("Sunday 00:30").isEmpty();
        assertThat(window.openingContaining(Instant.parse("2026-12-04T22:29:00Z"))).isEmpty();
    }

    @Test
    void dayRangesAndWholeDaysAreUnderstood() {
        MaintenanceWindow window = MaintenanceWindow.parse("Mon-Wed 00:00-24:00", ZoneId.of("UTC"), "upgrade.properties");

        assertThat(window.days()).hasSize(3);
        assertThat(window.openingContaining(Instant.parse("2026-12-02T23:59:00Z"))).as("Wednesday").isPresent();
        assertThat(window.openingContaining(Instant.parse("2026-12-03T00:00:00Z"))).as("Thursday").isEmpty();
    }

    @Test
    void badWindowIsNamedWithWhereAndWhat() {
        assertThatThrownBy(() -> MaintenanceWindow.parse("Sat 2am-5am", BERLIN, "upgrade.properties setting 'auto.window.live'"))
                .hasMessage("upgrade.properties setting 'auto.window.live': maintenance window 'Sat 2am-5am' is not DAYS HH:MM-HH:MM"
                        + " (e.g. 'Sat,Sun 02:00-05:00' or 'Mon-Fri 22:30-01:00')");
        assertThatThrownBy(() -> MaintenanceWindow.parse("Sam 02:00-05:00", BERLIN, "here"))
                .hasMessage("here: 'Sam' in maintenance window 'Sam 02:00-05:00' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }
}
