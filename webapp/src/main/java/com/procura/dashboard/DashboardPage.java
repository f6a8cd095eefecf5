package com.procura.dashboard;

import com.procura.orders.OrderQuery;
import com.procura.orders.OrderService;
import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code /dashboard} (also {@code /}): order counts by state and the newest orders. */
public final class DashboardPage extends HttpServlet {
    static final String VIEW = "dashboard/dashboard.jte";

    private final Views views;
    private final OrderService orders;

    public DashboardPage(Views views, OrderService orders) {
        this.views = views;
        this.orders = orders;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (!"/dashboard".equals(path) && !"".equals(path) && !"/".equals(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "dashboard", "dashboard:view");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        views.render(response, VIEW, Map.of("user", user,
                "counts", orders.countByStatus(user.account()),
                "latest", orders.list(OrderQuery.firstPage(), user.account())));
    }
}
