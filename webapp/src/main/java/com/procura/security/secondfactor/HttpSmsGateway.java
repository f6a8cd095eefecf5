package com.procura.security.secondfactor;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * An HTTP SMS gateway: {@code POST url} with the form fields {@code to} and {@code text}, HTTP
 * Basic authentication when a user is configured; any 2xx answer means sent. The text (with the
 * TAN) is never logged.
 */
public final class HttpSmsGateway implements SmsGateway {
    private final URI url;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpSmsGateway(URI url, Optional<String> user, Optional<String> password) {
        this.url = url;
        this.authorization = user.map(u -> "Basic " + Base64.getEncoder().encodeToString(
                (u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void send(String phone, String text) {
        String body = "to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new SmsException("The SMS gateway " + url + " answered HTTP " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SmsException("The SMS gateway " + url + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("Sending the SMS was interrupted", e);
        }
    }
}
