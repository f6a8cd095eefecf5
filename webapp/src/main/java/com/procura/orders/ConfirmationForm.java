package com.procura.orders;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The supplier's confirmation form, one set of fields per line: {@code qty_10}, {@code date_10},
 * {@code price_10}, {@code reject_10}, {@code reason_10}. Every problem names the line and the field.
 */
record ConfirmationForm(List<LineConfirmation> answers, List<String> problems) {

    static ConfirmationForm read(HttpServletRequest request, PurchaseOrder order) {
        List<LineConfirmation> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            int n = line.getLineNumber();
            if (request.getParameter("reject_" + n) != null) {
                String reason = value(request, "reason_" + n);
                if (reason.isEmpty()) {
                    problems.add("Line " + n + ": give a reason for the rejection.");
                } else if (reason.length() > 200) {
                    problems.add("Line " + n + ": the reason is longer than 200 characters.");
                }
                answers.add(new LineConfirmation(n, null, null, null, reason));
                continue;
            }
            BigDecimal quantity = number(request, "qty_" + n, "Line " + n + ": quantity", problems);
            BigDecimal price = number(request, "price_" + n, "Line " + n + ": price", problems);
            LocalDate date = null;
            String dateText = value(request, "date_" + n);
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add("Line " + n + ": delivery date '" + dateText + "' is not a date like 2026-12-24.");
            }
            if (quantity != null && quantity.signum() < 0) {
                problems.add("Line " + n + ": quantity must not be negative.");
            }
            if (quantity != null && quantity.compareTo(line.getQuantity()) > 0) {
                problems.add("Line " + n + ": " + quantity.toPlainString() + " is more than the ordered "
                        + line.getQuantity().stripTrailingZeros().toPlainString() + ".");
            }
            if (price != null && price.signum() < 0) {
                problems.add("Line " + n + ": price must not be negative.");
            }
            answers.add(new LineConfirmation(n, quantity, date, price, null));
        }
        return new ConfirmationForm(answers, problems);
    }

    private static BigDecimal number(HttpServletRequest request, String name, String label, List<String> problems) {
        String text = value(request, name).replace(',', '.');
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(label + " '" + text + "' is not a number.");
            return null;
        }
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }
}
