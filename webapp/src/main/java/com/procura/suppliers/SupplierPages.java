package com.procura.suppliers;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code /suppliers}: the buyer's suppliers with their open orders and user counts. */
public final class SupplierPages extends HttpServlet {
    static final String LIST = "suppliers/list.jte";

    private final Views views;
    private final SupplierService suppliers;

    public SupplierPages(Views views, SupplierService suppliers) {
        this.views = views;
        this.suppliers = suppliers;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(request, "suppliers");
        if (!user.can("suppliers:read")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        views.render(response, LIST, Map.of("user", user, "suppliers", suppliers.suppliers()));
    }
}
