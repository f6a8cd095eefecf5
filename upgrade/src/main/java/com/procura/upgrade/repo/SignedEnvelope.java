package com.procura.upgrade.repo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A metadata file: the signed role document and the signatures over its canonical JSON. */
public record SignedEnvelope(JsonNode signed, List<KeySignature> signatures) {

    public record KeySignature(String keyid, String sig) {
    }

    public SignedEnvelope {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    public static SignedEnvelope parse(byte[] bytes, String file) {
        SignedEnvelope envelope = Json.read(bytes, SignedEnvelope.class, file);
        if (envelope.signed() == null || !envelope.signed().isObject()) {
            throw new VerificationException(file + ": has no 'signed' object");
        }
        return envelope;
    }

    public String type() {
        JsonNode type = signed.get("_type");
        return type == null ? "" : type.asText();
    }
}
