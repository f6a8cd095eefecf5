package com.procura.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one error page: says what happened in plain words, never a stack trace or SQL. */
public final class ErrorPage extends HttpServlet {
    static final String VIEW = "error.jte";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPage.class);

    private final Views views;

    public ErrorPage(Views views) {
        this.views = views;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null) {
            LOG.error("Request {} {} failed", request.getMethod(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
        String message = switch (status) {
            case 400 -> "The request was not understood.";
            case 401 -> "Please log in first.";
            case 403 -> "You are not allowed to see this page.";
            case 404 -> "There is no such page or record.";
            case 405 -> "This page does not accept that kind of request.";
            case 503 -> "Procura is not ready yet. Try again in a moment.";
            default -> "Something went wrong on our side. The error has been logged.";
        };
        views.render(response, status, VIEW, Map.of("status", status, "message", message));
    }
}
