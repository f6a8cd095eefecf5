package com.procura.integration.sap;

import com.procura.integration.idoc.Idoc;
import com.procura.integration.idoc.IdocFlatReader;
import com.procura.integration.idoc.IdocXmlReader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a received payload as IDoc-XML or as a flat file (also inside Microsoft's SendIdoc envelope). */
final class IdocPayloads {
    private IdocPayloads() {
    }

    /** The payload is no IDoc at all; the message says why and where. */
    static final class NotAnIdocException extends RuntimeException {
        NotAnIdocException(String message) {
            super(message);
        }
    }

    /** @throws com.procura.integration.idoc.IdocFormatException or {@link NotAnIdocException} */
    static List<Idoc> parse(byte[] content, String sourceName) {
        String start = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (start.isEmpty()) {
            throw new NotAnIdocException(sourceName + ": the payload is empty, not an IDoc");
        }
        if (start.startsWith("<") && !start.contains("SendIdoc")) {
            return IdocXmlReader.create().read(new ByteArrayInputStream(content), sourceName);
        }
        return IdocFlatReader.create().read(decodeFlat(content), sourceName);
    }

    /** Flat files come in UTF-8 or in SAP's Latin-1 code page: UTF-8 when the bytes are valid UTF-8. */
    private static String decodeFlat(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }
}
