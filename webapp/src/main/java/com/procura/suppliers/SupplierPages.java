package com.procura.suppliers;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

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
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "suppliers", "suppliers:read");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        views.render(response, LIST, Map.of("user", user, "suppliers", suppliers.suppliers()));
    }
}
