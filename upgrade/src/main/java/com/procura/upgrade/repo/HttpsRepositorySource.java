package com.procura.upgrade.repo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A repository served as a static HTTPS site; the server certificate is checked by the JDK's normal trust. */
public final class HttpsRepositorySource implements RepositorySource {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public HttpsRepositorySource(URI base) {
        this.base = base;
    }

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 404) {
                response.body().close();
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return Optional.of(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET " + uri + " interrupted", e);
        }
    }

    @Override
    public String describe() {
        return base.toString();
    }
}
