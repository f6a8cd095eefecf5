package com.procura.upgrade.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE]} ordered by semver precedence. */
public record ReleaseVersion(List<Integer> numbers, List<String> preRelease) implements Comparable<ReleaseVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?");

    public static ReleaseVersion parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("version '" + text + "' is not MAJOR.MINOR.PATCH[-PRERELEASE]");
        }
        List<Integer> numbers = List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new ReleaseVersion(numbers, pre);
    }

    public boolean isNewerThan(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    public boolean isOlderThan(ReleaseVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(numbers.get(i), other.numbers.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = comparePart(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int comparePart(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        numbers.forEach(n -> parts.add(String.valueOf(n)));
        String base = String.join(".", parts);
        return preRelease.isEmpty() ? base : base + "-" + String.join(".", preRelease);
    }
}
