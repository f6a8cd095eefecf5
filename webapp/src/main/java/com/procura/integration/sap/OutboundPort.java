package com.procura.integration.sap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;

/** How an IDoc reaches SAP: a file in the outbound folder, or an HTTP POST to SAP's XML-HTTP port. */
final class OutboundPort {
    private final Path outFolder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    OutboundPort(Path outFolder) {
        this.outFolder = outFolder;
    }

    /** Delivers or throws with the reason; returns where it went. */
    String deliver(Outbox.Message message, SapPartner partner) throws IOException, InterruptedException {
        return switch (partner.portType()) {
            case FILE -> writeFile(message, partner);
            case HTTP -> post(message, partner);
        };
    }

    /** Written under a temporary name and renamed when complete, so SAP never reads half a file. */
    private String writeFile(Outbox.Message message, SapPartner partner) throws IOException {
        if (!Files.isDirectory(outFolder)) {
            Files.createDirectories(outFolder);
        }
        String extension = partner.fileFormat() == SapPartner.FileFormat.XML ? ".xml" : ".idoc";
        String name = message.kind().name().toLowerCase(java.util.Locale.ROOT) + "_" + message.docnum() + "_"
                + message.id() + extension;
        Path temp = outFolder.resolve("." + name + ".tmp");
        Files.writeString(temp, message.content(), StandardCharsets.UTF_8);
        Path target = outFolder.resolve(name);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target.toString();
    }

    private String post(Outbox.Message message, SapPartner partner) throws IOException, InterruptedException {
        if (partner.outboundUrl() == null || partner.outboundUrl().isBlank()) {
            throw new IOException("partner " + partner.name() + " has no outbound URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(partner.outboundUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", partner.fileFormat() == SapPartner.FileFormat.XML
                        ? "application/xml; charset=UTF-8" : "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.content(), StandardCharsets.UTF_8));
        if (partner.outboundUser() != null && !partner.outboundUser().isBlank()) {
            String credentials = partner.outboundUser() + ":" + (partner.outboundPassword() == null ? "" : partner.outboundPassword());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new IOException("SAP answered HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return partner.outboundUrl();
    }
}
