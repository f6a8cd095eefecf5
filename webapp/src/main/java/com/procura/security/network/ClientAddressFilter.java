package com.procura.security.network;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Makes {@code request.getRemoteAddr()} the client's address as {@link ClientAddress} resolves it,
 * so that the access log, the audit log, lock-out and IP allow lists all see the same address.
 * Register it before every other filter that reads the address.
 */
public final class ClientAddressFilter extends HttpFilter {
    private final ClientAddress resolver;

    public ClientAddressFilter(ClientAddress resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
        String client = resolver.resolve(request.getRemoteAddr(), forwarded);
        if (client.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override public String getRemoteAddr() { return client; }
            @Override public String getRemoteHost() { return client; }
        }, response);
    }
}
