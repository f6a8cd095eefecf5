package com.procura.platform.web;

import com.procura.platform.config.ServerConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What Procura's ports answer while it starts: its database is opened and migrated (the long part of an upgrade with
 * a schema change) before the application is wired. Every page is a 503 that reloads itself, {@code /health/*} a 503
 * with status {@code STARTING}, so that users and load balancers see an announced pause, not a refused connection.
 */
public final class MaintenancePage extends HttpServlet {
    static final int RETRY_AFTER_SECONDS = 10;

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta http-equiv="refresh" content="%d">
              <title>Procura is starting</title>
              <link rel="stylesheet" href="/static/app.css">
            </head>
            <body>
              <main>
                <h1>Procura is starting</h1>
                <p class="lead" id="maintenance">Procura is being started, for instance after an upgrade. This page
                  reloads itself every %d seconds and shows Procura as soon as it is ready.</p>
              </main>
            </body>
            </html>
            """.formatted(RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS);

    /** A web server on the configured ports that answers only this page; {@link WebServer#close()} frees the ports. */
    public static WebServer serve(ServerConfig config, TlsMaterial tls, Path workDir) {
        WebServer server = new WebServer(config, tls, workDir, 1);
        server.addServlet("maintenance", new MaintenancePage(), "/*");
        server.start();
        return server;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        boolean health = request.getRequestURI().startsWith("/health/");
        response.setContentType(health ? "application/json" : "text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(health ? "{\"status\":\"STARTING\"}" : PAGE);
    }
}
