package com.procura.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.testing.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Debian's Chromium, headless, clicking through the demo like a sales engineer would. */
class BrowserIT {
    @TempDir
    static Path folder;
    static TestApp app;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.demo(folder);
        browser = Chromium.start(folder);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void buyerLogsInBrowsesOrdersAndLogsOut() throws IOException {
        browser.get(app.baseUrl() + "/orders");
        assertThat(browser.getCurrentUrl()).contains("/login");
        Chromium.submitLogin(browser, "buyer", TestApp.PASSWORD);

        assertThat(browser.getCurrentUrl()).endsWith("/orders");
        assertThat(browser.findElements(By.cssSelector("#orders tbody tr"))).hasSize(20);
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).startsWith("36 orders");
        screenshot("orders");

        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Rejected");
        browser.findElement(By.cssSelector(".filters button")).click();
        assertThat(browser.findElements(By.cssSelector("#orders tbody tr")))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("Rejected"));

        browser.findElement(By.cssSelector("#orders tbody tr td a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Purchase order 45");
        assertThat(browser.findElements(By.cssSelector("#lines tbody tr"))).isNotEmpty();
        screenshot("order-detail");

        browser.findElement(By.id("logout")).click();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("You are logged out.");
        browser.get(app.baseUrl() + "/orders");
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    @Test
    void supplierSeesOnlyItsOrdersAndNoSupplierMenu() {
        Chromium.logIn(browser, app.baseUrl(), "supplier", TestApp.PASSWORD);
        browser.get(app.baseUrl() + "/orders");
        assertThat(browser.findElements(By.cssSelector("#orders tbody tr")))
                .hasSize(9)
                .allSatisfy(row -> assertThat(row.getText()).contains("Schmidt Präzisionsteile GmbH"));
        assertThat(browser.findElements(By.linkText("Suppliers"))).isEmpty();
        browser.findElement(By.id("logout")).click();
    }
}
