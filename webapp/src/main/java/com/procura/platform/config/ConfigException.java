package com.procura.platform.config;

import java.util.List;

/** A configuration that cannot be used; lists every problem found, not only the first. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
