package com.procura.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, trusting exactly the test server's self-signed key. */
final class Chromium {
    private Chromium() {
    }

    static WebDriver start(Path dataDir) throws IOException, GeneralSecurityException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium"),
                "--ignore-certificate-errors-spki-list=" + spkiHash(dataDir.resolve("tls/procura.crt")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /**
     * Logs in through the form and waits until the browser has left the login page: on a loaded machine the password
     * hash can outlast the click, and a page opened before the session exists shows the login form instead.
     */
    static void logIn(WebDriver browser, String baseUrl, String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        submitLogin(browser, username, password);
    }

    /** Fills in and submits the login form the browser shows, then waits until it has left the login page. */
    static void submitLogin(WebDriver browser, String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> username + " is still on the login page: " + browser.getCurrentUrl())
                .until(b -> !b.getCurrentUrl().contains("/login"));
    }

    private static String spkiHash(Path certificate) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(certificate)) {
            byte[] spki = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        }
    }
}
