package com.procura.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Renders the precompiled jte templates of {@code src/main/jte}. */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(HttpServletResponse response, String template, Map<String, Object> params) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        engine.render(template, params, new WriterOutput(response.getWriter()));
    }

    public void render(HttpServletResponse response, int status, String template, Map<String, Object> params)
            throws IOException {
        response.setStatus(status);
        render(response, template, params);
    }
}
