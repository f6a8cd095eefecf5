package com.procura.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.security.Role;
import com.procura.testing.TestApp;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The idle-timeout warning in a real Chromium: shown before the end, "Stay logged in" keeps the session. */
class IdleWarningBrowserIT {
    private static final int IDLE_SECONDS = 12;

    @TempDir
    static Path folder;
    static TestApp app;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.demo(folder);
        app.app().security().policies().setRoleIdle(Role.BUYER, IDLE_SECONDS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(folder, "chromium"),
                "--ignore-certificate-errors-spki-list=" + spkiHash(folder.resolve("tls/procura.crt")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    private static String spkiHash(Path certificate) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(certificate)) {
            byte[] spki = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        }
    }

    @Test
    void warningAppearsBeforeTheTimeoutAndStayingLoggedInKeepsTheSession() throws IOException {
        Chromium.logIn(browser, app.baseUrl(), "buyer", TestApp.PASSWORD);
        WebElement warning = browser.findElement(By.id("idle-warning"));
        assertThat(warning.isDisplayed()).isFalse();

        new WebDriverWait(browser, Duration.ofSeconds(IDLE_SECONDS)).until(d -> warning.isDisplayed());
        assertThat(warning.getText()).contains("You will be logged out in");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "screenshots", "idle-warning.png"), StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("idle-stay")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !warning.isDisplayed());

        new WebDriverWait(browser, Duration.ofSeconds(IDLE_SECONDS * 2L))
                .until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("You were logged out after a period without activity.");
        browser.get(app.baseUrl() + "/orders");
        assertThat(browser.getCurrentUrl()).as("the server ended the session").contains("/login");
    }
}
