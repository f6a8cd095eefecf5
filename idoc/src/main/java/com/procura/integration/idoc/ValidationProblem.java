package com.procura.integration.idoc;

/**
 * One finding of {@link IdocValidator}. {@code location} is a path such as {@code EDI_DC40} or
 * {@code E1EDP01[2]/E1EDP20[1]} (1-based per type under its parent); {@code field} may be null.
 */
public record ValidationProblem(Severity severity, String location, String segment, String field, String message) {

    public enum Severity {
        /** SAP would reject or misread the IDoc. */
        ERROR,
        /** Unusual but kept, e.g. a field that the built-in definition does not know. */
        WARNING
    }

    @Override
    public String toString() {
        return severity + " " + location + (field == null ? "" : " field " + field) + ": " + message;
    }
}
