package com.procura.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The plain HTTP port serves nothing: every request is sent to the same path on HTTPS. */
final class HttpsRedirectFilter extends HttpFilter {
    private final int httpsPort;

    HttpsRedirectFilter(int httpsPort) {
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
        String port = httpsPort == 443 ? "" : ":" + httpsPort;
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", "https://" + host + port + request.getRequestURI() + query);
    }
}
