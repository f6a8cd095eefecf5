package com.procura.platform.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the few files under {@code /static/} from the jar, held in memory after the first read. */
final class StaticResources extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        String extension = name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
        if (name == null || name.contains("..") || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = cache.computeIfAbsent(name, StaticResources::load);
        if (body.length == 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(extension));
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticResources.class.getResourceAsStream("/static" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
