package com.procura.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.IntSupplier;

/** The plain HTTP port serves nothing: every request is sent to the same path on HTTPS. */
final class HttpsRedirectFilter extends HttpFilter {
    private final IntSupplier httpsPort;

    /** The port is asked for at each redirect: with port 0 it is known only once Tomcat listens. */
    HttpsRedirectFilter(IntSupplier httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        int https = httpsPort.getAsInt();
        String port = https == 443 ? "" : ":" + https;
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", "https://" + host + port + request.getRequestURI() + query);
    }
}
