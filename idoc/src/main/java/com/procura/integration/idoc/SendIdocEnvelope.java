package com.procura.integration.idoc;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;

/**
 * The Microsoft SAP adapter wraps a flat IDoc as {@code <SendIdoc><idocData>flat text</idocData></SendIdoc>};
 * this takes the flat text out.
 */
final class SendIdocEnvelope {

    private SendIdocEnvelope() {
    }

    static String unwrap(String xml, String sourceName) {
        XMLStreamReader reader = SecureXml.reader(new StringReader(xml), sourceName);
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw IdocFormatException.atLine(sourceName, reader.getLocation().getLineNumber(), null, null,
                            "DTDs are not allowed in an IDoc envelope");
                }
                if (event == XMLStreamConstants.START_ELEMENT && isIdocData(reader.getLocalName())) {
                    return reader.getElementText();
                }
            }
        } catch (XMLStreamException e) {
            throw SecureXml.wellFormednessError(e, sourceName);
        } finally {
            closeQuietly(reader);
        }
        throw IdocFormatException.general(sourceName, "XML envelope has no idocData element; expected a flat IDoc"
                + " or <SendIdoc><idocData>flat IDoc</idocData></SendIdoc>", null);
    }

    // The reader is not namespace-aware, so a prefixed element arrives as "ns0:idocData".
    private static boolean isIdocData(String name) {
        return name.equals("idocData") || name.endsWith(":idocData");
    }

    private static void closeQuietly(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // closing a reader over a String cannot lose data
        }
    }
}
