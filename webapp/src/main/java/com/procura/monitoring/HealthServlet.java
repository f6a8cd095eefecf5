package com.procura.monitoring;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the application has started
 * and its database answers; load balancers and the upgrade manager wait for this one.
 * Callers on the machine itself (the upgrade manager, a monitoring agent) also get the running
 * version; others do not, so that it does not tell an attacker which flaws to try.
 */
public final class HealthServlet extends HttpServlet {
    private final BooleanSupplier ready;
    private final String version;

    public HealthServlet(BooleanSupplier ready, String version) {
        this.ready = ready;
        this.version = version;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        switch (String.valueOf(request.getPathInfo())) {
            case "/live" -> response.getWriter().write(body("UP", request));
            case "/ready" -> {
                boolean up = ready.getAsBoolean();
                response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.getWriter().write(body(up ? "UP" : "DOWN", request));
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private String body(String status, HttpServletRequest request) {
        return isLocal(request.getRemoteAddr())
                ? "{\"status\":\"" + status + "\",\"version\":\"" + version + "\"}"
                : "{\"status\":\"" + status + "\"}";
    }

    private static boolean isLocal(String address) {
        // getRemoteAddr is always an address literal, so this never asks DNS.
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
