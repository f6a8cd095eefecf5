package com.procura.integration.idoc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The IDoc control record (EDI_DC40): who sends which message to whom. Fields are held by their SAP
 * names; a field that was absent is read as the empty string. Names outside {@link #FIELD_NAMES}
 * found in IDoc-XML are kept as well, so nothing a sender put in is lost.
 */
public final class ControlRecord {

    /** The EDI_DC40 field names in SAP's order. */
    public static final List<String> FIELD_NAMES = List.of(
            "TABNAM", "MANDT", "DOCNUM", "DOCREL", "STATUS", "DIRECT", "OUTMOD", "EXPRSS", "TEST",
            "IDOCTYP", "CIMTYP", "MESTYP", "MESCOD", "MESFCT", "STD", "STDVRS", "STDMES",
            "SNDPOR", "SNDPRT", "SNDPFC", "SNDPRN", "SNDSAD", "SNDLAD",
            "RCVPOR", "RCVPRT", "RCVPFC", "RCVPRN", "RCVSAD", "RCVLAD",
            "CREDAT", "CRETIM", "REFINT", "REFGRP", "REFMES", "ARCKEY", "SERIAL");

    private final Map<String, String> fields;

    private ControlRecord(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(fields));
    }

    /** Value of the named field, or the empty string when absent. */
    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** All fields present, in the order they were set. */
    public Map<String, String> fields() {
        return fields;
    }

    public String docnum() { return get("DOCNUM"); }
    public String mandt() { return get("MANDT"); }
    public String docrel() { return get("DOCREL"); }
    public String status() { return get("STATUS"); }
    public String direct() { return get("DIRECT"); }
    public String idoctyp() { return get("IDOCTYP"); }
    public String cimtyp() { return get("CIMTYP"); }
    public String mestyp() { return get("MESTYP"); }
    public String sndpor() { return get("SNDPOR"); }
    public String sndprt() { return get("SNDPRT"); }
    public String sndpfc() { return get("SNDPFC"); }
    public String sndprn() { return get("SNDPRN"); }
    public String rcvpor() { return get("RCVPOR"); }
    public String rcvprt() { return get("RCVPRT"); }
    public String rcvpfc() { return get("RCVPFC"); }
    public String rcvprn() { return get("RCVPRN"); }
    public String credat() { return get("CREDAT"); }
    public String cretim() { return get("CRETIM"); }
    public String serial() { return get("SERIAL"); }

    /** The extension type (CIMTYP) when set, else the basic type: the IDoc-XML root element name. */
    public String extensionOrBasicType() {
        return cimtyp().isEmpty() ? idoctyp() : cimtyp();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ControlRecord that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "EDI_DC40" + fields;
    }

    public static final class Builder {
        private final Map<String, String> fields;

        private Builder(Map<String, String> fields) {
            this.fields = fields;
        }

        public Builder set(String name, String value) {
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }

        public Builder remove(String name) {
            fields.remove(name);
            return this;
        }

        public ControlRecord build() {
            return new ControlRecord(new LinkedHashMap<>(fields));
        }
    }
}
