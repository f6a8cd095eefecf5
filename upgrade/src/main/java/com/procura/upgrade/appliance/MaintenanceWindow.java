package com.procura.upgrade.appliance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When automatic upgrades may run: days of the week and a time of day, e.g. {@code Sat,Sun 02:00-05:00} or
 * {@code Mon-Fri 22:30-01:00} (an end before the start runs into the next day; the day is the one it starts on).
 */
public record MaintenanceWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    private static final Pattern FORMAT = Pattern.compile("\\s*([A-Za-z,\\-]+)\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})\\s*");

    public static MaintenanceWindow parse(String text, ZoneId zone, String where) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": maintenance window '" + text
                    + "' is not DAYS HH:MM-HH:MM (e.g. 'Sat,Sun 02:00-05:00' or 'Mon-Fri 22:30-01:00')");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : m.group(1).split(",")) {
            String[] range = part.split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException(where + ": '" + part + "' in '" + text + "' is not a day or a range of days");
            }
            DayOfWeek first = day(range[0], text, where);
            DayOfWeek last = range.length == 2 ? day(range[1], text, where) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        LocalTime start = time(m.group(2), text, where);
        LocalTime end = m.group(3).equals("24:00") ? LocalTime.MIDNIGHT : time(m.group(3), text, where);
        if (start.equals(end) && !m.group(3).equals("24:00")) {
            throw new IllegalArgumentException(where + ": maintenance window '" + text + "' is empty (start equals end)");
        }
        return new MaintenanceWindow(days, start, end, zone);
    }

    private static DayOfWeek day(String name, String text, String where) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name.trim())) {
                return day;
            }
        }
        throw new IllegalArgumentException(where + ": '" + name + "' in maintenance window '" + text
                + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private static LocalTime time(String value, String text, String where) {
        try {
            return LocalTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' in maintenance window '" + text + "' is not a time of day HH:MM");
        }
    }

    private Duration length() {
        Duration length = Duration.between(start, end);
        return length.isNegative() || length.isZero() ? length.plusDays(1) : length;
    }

    /** The window that contains {@code now}, as its start; empty when {@code now} is outside every window. */
    public Optional<ZonedDateTime> openingContaining(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime opening = local.toLocalDate().minusDays(daysBack).atTime(start).atZone(zone);
            if (days.contains(opening.getDayOfWeek()) && !local.isBefore(opening) && local.isBefore(opening.plus(length()))) {
                return Optional.of(opening);
            }
        }
        return Optional.empty();
    }

    /** The next opening after {@code now}. */
    public ZonedDateTime nextOpening(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (int daysAhead = 0; daysAhead <= 7; daysAhead++) {
            ZonedDateTime opening = local.toLocalDate().plusDays(daysAhead).atTime(start).atZone(zone);
            if (days.contains(opening.getDayOfWeek()) && opening.isAfter(local)) {
                return opening;
            }
        }
        throw new IllegalStateException("no opening within a week: " + this);
    }
}
