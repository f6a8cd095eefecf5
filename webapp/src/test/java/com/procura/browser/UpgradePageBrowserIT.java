package com.procura.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator starts an upgrade from the page in Chromium and watches it: the page only drops a request, then
 * refreshes itself and shows the step the upgrade manager's journal names, then the result. The state files here are
 * written the way {@code procura-upgrade} writes them; that the tool really writes them so is shown by the upgrade
 * module's {@code RealAppUpgradeIT}, which runs the tool against the built application.
 */
class UpgradePageBrowserIT {
    @TempDir
    static Path folder;
    static Path state;
    static TestApp app;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        state = folder.resolve("procura-upgrade");
        Files.createDirectories(state.resolve("requests"));
        app = TestApp.demo(folder.resolve("app"), state);
        browser = Chromium.start(folder.resolve("app"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    private static String status(String installed, String hops, String notes) {
        return """
                {"checkedAt":"2026-12-03T17:40:00Z","installed":"%s","channel":"live","verified":true,"problem":null,
                 "metadataExpires":"2026-12-10T17:40:00Z","newest":"1.1.0","hops":[%s],
                 "notOffered":[{"version":"1.2.0","reason":"marked bad on this appliance: migration V12 failed"}],
                 "releaseNotes":{%s},"automaticUpgrades":null}
                """.formatted(installed, hops, notes);
    }

    @Test
    void adminStartsAnUpgradeAndFollowsItsProgress() throws IOException {
        Files.writeString(state.resolve("status.json"), status("1.0.0", "\"1.1.0\"",
                "\"1.0.0\":\"First release\",\"1.1.0\":\"Faster order confirmations\""));
        Chromium.logIn(browser, app.baseUrl(), "admin", TestApp.PASSWORD);
        browser.findElement(By.linkText("Upgrades")).click();

        assertThat(browser.findElement(By.id("installed")).getText()).isEqualTo("1.0.0");
        assertThat(browser.findElement(By.id("offered")).getText()).isEqualTo("1.1.0 (1.0.0 → 1.1.0)");
        assertThat(browser.findElement(By.id("automatic")).getText())
                .isEqualTo("off: upgrades only when started here or with procura-upgrade apply");
        assertThat(browser.findElement(By.id("not-offered")).getText()).contains("1.2.0", "marked bad on this appliance");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Faster order confirmations");
        screenshot("upgrade-offered");

        browser.findElement(By.id("apply")).click();

        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Requested.");
        assertThat(requests()).singleElement().satisfies(file -> assertThat(Files.readString(file)).contains("\"action\":\"apply\""));
        assertThat(browser.findElement(By.id("apply")).isEnabled()).as("one request at a time").isFalse();

        // The upgrade service takes the request and is at its fourth step (journal first: the page stays busy throughout).
        Files.writeString(state.resolve("journal.json"), """
                {"from":"1.0.0","to":"1.1.0","bundleSha256":"ab","snapshotDir":"/var/backups/x","startedAt":"2026-12-03T17:41:00Z",
                 "completed":["PREFLIGHT","INSTALL","SNAPSHOT"]}
                """);
        Files.delete(requests().get(0));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !b.findElements(By.id("progress")).isEmpty());
        assertThat(browser.findElement(By.id("progress")).getText()).contains("Upgrade 1.0.0 → 1.1.0 running", "Step 4 of 7: SWITCH");
        screenshot("upgrade-running");

        Files.writeString(state.resolve("status.json"), status("1.1.0", "", "\"1.1.0\":\"Faster order confirmations\""));
        Files.writeString(state.resolve("history.jsonl"), """
                {"event":"upgrade-started","from":"1.0.0","message":"bundle procura-1.1.0.zip","time":"2026-12-03T17:41:00Z","to":"1.1.0"}
                {"event":"committed","from":"1.0.0","message":"1.1.0 is running","step":"COMMIT","time":"2026-12-03T17:41:09Z","to":"1.1.0"}
                """);
        Files.delete(state.resolve("journal.json"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElements(By.id("progress")).isEmpty());
        assertThat(browser.findElement(By.id("installed")).getText()).isEqualTo("1.1.0");
        assertThat(browser.findElement(By.id("offered")).getText()).isEqualTo("nothing: 1.1.0 is up to date");
        assertThat(browser.findElement(By.id("history")).getText()).contains("committed", "1.0.0 → 1.1.0", "1.1.0 is running");
        screenshot("upgrade-done");
    }

    private static List<Path> requests() throws IOException {
        try (Stream<Path> files = Files.list(state.resolve("requests"))) {
            return files.sorted().toList();
        }
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
