package com.procura.orders;

import com.procura.platform.web.Views;
import com.procura.security.CurrentUser;
import com.procura.suppliers.SupplierOption;
import com.procura.suppliers.SupplierService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /orders} (the list) and {@code /orders/{id}} (one order with its lines). */
public final class OrderPages extends HttpServlet {
    static final String LIST = "orders/list.jte";
    static final String DETAIL = "orders/detail.jte";

    private final Views views;
    private final OrderService orders;
    private final SupplierService suppliers;

    public OrderPages(Views views, OrderService orders, SupplierService suppliers) {
        this.views = views;
        this.orders = orders;
        this.suppliers = suppliers;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CurrentUser> permitted = CurrentUser.permitted(request, response, "orders", "orders:read");
        if (permitted.isEmpty()) {
            return;
        }
        CurrentUser user = permitted.get();
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            showList(request, response, user);
            return;
        }
        Optional<Long> id = parseId(path.substring(1));
        Optional<PurchaseOrder> order = id.flatMap(value -> orders.find(value, user.account()));
        if (order.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        showDetail(response, user, order.get(), List.of(), HttpServletResponse.SC_OK);
    }

    private void showDetail(HttpServletResponse response, CurrentUser user, PurchaseOrder order, List<String> problems,
            int status) throws IOException {
        boolean confirmable = user.can("orders:confirm") && order.getStatus() != OrderStatus.CANCELLED
                && order.getStatus() != OrderStatus.CLOSED;
        views.render(response, status, DETAIL, Map.of("user", user, "order", order, "confirmable", confirmable,
                "problems", problems));
    }

    /** {@code POST /orders/{id}/confirm}: the supplier's answer for every line. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(request, "orders");
        String path = String.valueOf(request.getPathInfo());
        Optional<Long> id = path.endsWith("/confirm") ? parseId(path.substring(1, path.length() - "/confirm".length()))
                : Optional.empty();
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!user.can("orders:confirm")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<PurchaseOrder> order = orders.find(id.get(), user.account());
        if (order.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ConfirmationForm form = ConfirmationForm.read(request, order.get());
        if (!form.problems().isEmpty()) {
            showDetail(response, user, order.get(), form.problems(), HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            orders.confirm(id.get(), user.account(), form.answers());
        } catch (IllegalArgumentException | jakarta.persistence.OptimisticLockException e) {
            showDetail(response, user, order.get(), List.of(e instanceof IllegalArgumentException ? e.getMessage()
                    : "The order was changed meanwhile. Please check it and confirm again."), HttpServletResponse.SC_CONFLICT);
            return;
        }
        response.sendRedirect("/orders/" + id.get() + "?confirmed");
    }

    private void showList(HttpServletRequest request, HttpServletResponse response, CurrentUser user) throws IOException {
        OrderQuery query = OrderQuery.from(request.getParameterMap());
        OrderPage page = orders.list(query, user.account());
        List<SupplierOption> supplierOptions = user.account().isSupplier()
                ? List.of() : suppliers.options();
        views.render(response, LIST, Map.of("user", user, "page", page, "suppliers", supplierOptions,
                "statuses", OrderStatus.values()));
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
