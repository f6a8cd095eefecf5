package com.procura.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.procura.testing.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's testssl.sh against the running server. It exits 0 whatever it finds, so the test reads
 * its JSON report: no HIGH or CRITICAL finding but those that a self-signed certificate must have.
 */
class TlsScanIT {
    /** A self-signed certificate has no chain of trust and no CRL/OCSP: expected for the demo. */
    private static final Set<String> SELF_SIGNED_FINDINGS = Set.of("cert_chain_of_trust", "cert_revocation");

    @TempDir
    Path folder;

    @Test
    void testsslFindsNothingHighOrCriticalBeyondTheSelfSignedCertificate() throws Exception {
        try (TestApp app = TestApp.demo(folder)) {
            Path report = folder.resolve("testssl.json");
            Process testssl = new ProcessBuilder("testssl", "--fast", "-p", "-S", "-U", "--warnings", "off",
                    "--quiet", "--color", "0", "--jsonfile", report.toString(), "localhost:" + app.app().httpsPort())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("testssl.txt").toFile())
                    .start();
            assertThat(testssl.waitFor(5, TimeUnit.MINUTES)).as("testssl finished").isTrue();

            JsonNode findings = new ObjectMapper().readTree(report.toFile());
            assertThat(findings.size()).as("findings in the report").isGreaterThan(20);
            List<String> serious = new ArrayList<>();
            for (JsonNode finding : findings) {
                String severity = finding.path("severity").asText();
                String id = finding.path("id").asText();
                if (Set.of("HIGH", "CRITICAL").contains(severity) && !SELF_SIGNED_FINDINGS.contains(id)) {
                    serious.add(severity + " " + id + ": " + finding.path("finding").asText());
                }
            }
            assertThat(serious).isEmpty();
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.path("id").asText()).isEqualTo("TLS1_1");
                assertThat(f.path("finding").asText()).contains("not offered");
            });
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.path("id").asText()).isEqualTo("TLS1_3");
                assertThat(f.path("finding").asText()).contains("offered");
            });
        }
    }
}
