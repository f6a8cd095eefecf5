package com.procura.monitoring;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: the application has started
 * and its database answers; load balancers and the upgrade manager wait for this one.
 */
public final class HealthServlet extends HttpServlet {
    private final BooleanSupplier ready;

    public HealthServlet(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        switch (String.valueOf(request.getPathInfo())) {
            case "/live" -> response.getWriter().write("{\"status\":\"UP\"}");
            case "/ready" -> {
                boolean up = ready.getAsBoolean();
                response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
