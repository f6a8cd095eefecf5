package com.procura.integration.idoc;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.Location;
import java.io.Reader;

/** StAX input with DTDs and external entities switched off (no XXE, no entity expansion). */
final class SecureXml {

    private static final XMLInputFactory FACTORY = createFactory();

    private SecureXml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // IDoc-XML uses no namespaces; readers join split text themselves. Both settings save time.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    static XMLStreamReader reader(Reader input, String sourceName) {
        try {
            return FACTORY.createXMLStreamReader(input);
        } catch (XMLStreamException e) {
            throw wellFormednessError(e, sourceName);
        }
    }

    static IdocFormatException wellFormednessError(XMLStreamException e, String sourceName) {
        Location location = e.getLocation();
        String detail = e.getMessage();
        // The JDK prefixes the message with "ParseError at [row,col]:[r,c]\nMessage: "; keep the message.
        int marker = detail == null ? -1 : detail.indexOf("Message: ");
        if (marker >= 0) {
            detail = detail.substring(marker + "Message: ".length());
        }
        int line = location == null ? 0 : location.getLineNumber();
        int column = location == null ? 0 : location.getColumnNumber();
        return IdocFormatException.notWellFormed(sourceName, line, column, detail, e);
    }
}
