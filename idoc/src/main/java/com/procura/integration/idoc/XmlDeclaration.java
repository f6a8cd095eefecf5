package com.procura.integration.idoc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the encoding named in an XML declaration; UTF-8 when absent (the XML default). */
final class XmlDeclaration {

    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private XmlDeclaration() {
    }

    static int byteOrderMarkLength(byte[] document) {
        return document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
                && (document[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    static Charset encodingOf(byte[] document) {
        int start = byteOrderMarkLength(document);
        String head = new String(document, start, Math.min(200, document.length - start), StandardCharsets.ISO_8859_1);
        Matcher matcher = ENCODING.matcher(head);
        if (matcher.find() && Charset.isSupported(matcher.group(1))) {
            return Charset.forName(matcher.group(1));
        }
        return StandardCharsets.UTF_8;
    }
}
