package com.procura.upgrade.repo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Signs role metadata: every signature covers the canonical JSON of the {@code signed} object. */
public final class MetadataSigner {

    private MetadataSigner() {
    }

    public static byte[] sign(RoleMetadata metadata, List<SigningKey> keys) {
        JsonNode signed = Json.MAPPER.valueToTree(metadata);
        byte[] canonical = Json.canonical(signed);
        List<SignedEnvelope.KeySignature> signatures = new ArrayList<>();
        for (SigningKey key : keys) {
            signatures.add(new SignedEnvelope.KeySignature(key.keyId(), Ed25519.sign(key.privateKey(), canonical)));
        }
        return Json.pretty(new SignedEnvelope(signed, signatures));
    }
}
