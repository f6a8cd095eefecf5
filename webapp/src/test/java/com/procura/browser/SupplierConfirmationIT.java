package com.procura.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.procura.integration.sap.SapTestAccess;
import com.procura.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * An order arrives from SAP by the file port; the supplier confirms it in Chromium, partly; SAP's
 * outbound folder then holds the STATUS for the IDoc and the ORDRSP with the supplier's values.
 */
class SupplierConfirmationIT {
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

    private void login(String user) {
        Chromium.logIn(browser, app.baseUrl(), user, TestApp.PASSWORD);
    }

    @Test
    void supplierConfirmsPartlyAndSapGetsStatusAndOrderResponse() throws Exception {
        Files.writeString(app.app().sap().folder().resolve("in/order-4500200001.xml"),
                SapTestAccess.orderXml("0000000000200001", "4500200001",
                        new SapTestAccess.Line(10, "MAT-100234", "20", "4.85", "20261220"),
                        new SapTestAccess.Line(20, "MAT-200115", "2", "312.00", "20261222")));
        long orderId = SapTestAccess.awaitOrder(app, "0000000000200001");
        String status = SapTestAccess.outFile(app, "status_0000000000200001_", Duration.ofSeconds(30));
        assertThat(status).contains("<STATUS>41</STATUS>", "<DOCNUM>0000000000200001</DOCNUM>");

        login("supplier");
        browser.get(app.baseUrl() + "/orders/" + orderId);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("New");
        var quantity = browser.findElement(By.name("qty_10"));
        quantity.clear();
        quantity.sendKeys("15");
        var date = browser.findElement(By.name("date_10"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value='2026-12-28'", date);
        browser.findElement(By.name("reject_20")).click();
        browser.findElement(By.name("reason_20")).sendKeys("Cylinder discontinued");
        browser.findElement(By.id("confirm")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/orders/" + orderId + "?confirmed");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Partially confirmed");

        String ordrsp = SapTestAccess.outFile(app, "ordrsp_", Duration.ofSeconds(30));
        assertThat(ordrsp).contains("<IDOCTYP>ORDERS05</IDOCTYP>", "<MESTYP>ORDRSP</MESTYP>",
                "<RCVPRN>NWDCLNT100</RCVPRN>", "<SNDPRT>LI</SNDPRT>", "<BELNR>4500200001</BELNR>");
        String line10 = ordrsp.substring(ordrsp.indexOf("<POSEX>000010</POSEX>"), ordrsp.indexOf("<POSEX>000020</POSEX>"));
        assertThat(line10).contains("<ACTION>002</ACTION>", "<MENGE>15</MENGE>", "<WMENG>15</WMENG>", "<EDATU>20261228</EDATU>");
        String line20 = ordrsp.substring(ordrsp.indexOf("<POSEX>000020</POSEX>"));
        assertThat(line20).contains("<ACTION>003</ACTION>", "<ABGRT>Cylinder discontinued</ABGRT>",
                "<TDLINE>Cylinder discontinued</TDLINE>");

        login("buyer");
        browser.get(app.baseUrl() + "/orders/" + orderId);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Partially confirmed");
        assertThat(browser.findElement(By.id("line-10")).getText()).contains("15").contains("2026-12-28").contains("+8 days");
        assertThat(browser.findElement(By.id("line-20")).getText()).contains("Cylinder discontinued");
        assertThat(browser.findElements(By.id("confirm"))).isEmpty();
    }

    @Test
    void confirmingMoreThanOrderedIsRefusedWithTheLine() {
        long orderId = SapTestAccess.anyOrderOf(app, "supplier");
        login("supplier");
        browser.get(app.baseUrl() + "/orders/" + orderId);
        var firstQuantity = browser.findElements(By.cssSelector("input[name^='qty_']")).get(0);
        String line = firstQuantity.getAttribute("name").substring(4);
        firstQuantity.clear();
        firstQuantity.sendKeys("100000");
        browser.findElement(By.id("confirm")).click();
        assertThat(browser.findElement(By.cssSelector(".alert")).getText())
                .startsWith("Line " + line + ": 100000 is more than the ordered");
    }
}
