package com.procura.integration.idoc;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes IDoc-XML: UTF-8 with declaration, root element named after the extension type (CIMTYP)
 * or else the basic type, one {@code <IDOC BEGIN="1">} per IDoc, indented by two spaces. The
 * control record's fields come in EDI_DC40 order. Thread-safe.
 */
public final class IdocXmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    public static IdocXmlWriter create() {
        return new IdocXmlWriter();
    }

    public String write(Idoc idoc) {
        return write(List.of(idoc));
    }

    /** The text of the document; its declaration says UTF-8, the encoding to store or send it in. */
    public String write(List<Idoc> idocs) {
        StringWriter text = new StringWriter(4096);
        write(idocs, text);
        return text.toString();
    }

    /**
     * @throws IdocFormatException when the IDocs are of different types (one root element cannot
     *         hold them) or a segment only has raw flat data, which IDoc-XML cannot name
     */
    public void write(List<Idoc> idocs, OutputStream output) {
        write(idocs, new OutputStreamWriter(output, StandardCharsets.UTF_8));
    }

    private static void write(List<Idoc> idocs, Writer writer) {
        if (idocs.isEmpty()) {
            throw new IllegalArgumentException("no IDoc to write");
        }
        String root = rootElement(idocs);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(XmlNames.elementName(root));
            for (Idoc idoc : idocs) {
                writeIdoc(xml, idoc);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            writer.flush();
        } catch (XMLStreamException e) {
            throw IdocFormatException.general(null, "cannot write IDoc-XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootElement(List<Idoc> idocs) {
        String root = idocs.get(0).control().extensionOrBasicType();
        if (root.isEmpty()) {
            throw IdocFormatException.inSegment("EDI_DC40", "IDOCTYP",
                    "is empty; IDoc-XML names its root element after the basic type");
        }
        for (Idoc idoc : idocs) {
            if (!idoc.control().extensionOrBasicType().equals(root)) {
                throw IdocFormatException.inSegment("EDI_DC40", "IDOCTYP", "IDoc " + idoc.docnum() + " is "
                        + idoc.control().extensionOrBasicType() + ", not " + root
                        + "; one IDoc-XML document holds IDocs of one type");
            }
        }
        return root;
    }

    private static void writeIdoc(XMLStreamWriter xml, Idoc idoc) throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("IDOC");
        xml.writeAttribute("BEGIN", "1");
        indent(xml, 2);
        xml.writeStartElement("EDI_DC40");
        xml.writeAttribute("SEGMENT", "1");
        ControlRecord control = idoc.control();
        for (String name : ControlRecord.FIELD_NAMES) {
            if (control.has(name)) {
                writeField(xml, name, control.get(name), 3);
            }
        }
        for (Map.Entry<String, String> field : control.fields().entrySet()) {
            if (!ControlRecord.FIELD_NAMES.contains(field.getKey())) {
                writeField(xml, field.getKey(), field.getValue(), 3);
            }
        }
        indent(xml, 2);
        xml.writeEndElement();
        for (Segment segment : idoc.segments()) {
            writeSegment(xml, segment, 2);
        }
        indent(xml, 1);
        xml.writeEndElement();
    }

    private static void writeSegment(XMLStreamWriter xml, Segment segment, int depth) throws XMLStreamException {
        if (!segment.unparsedData().isEmpty()) {
            throw IdocFormatException.inSegment(segment.type(), null, "has " + segment.unparsedData().length()
                    + " characters of flat segment data without field names (no segment definition, or data past"
                    + " the defined fields); IDoc-XML needs field names");
        }
        indent(xml, depth);
        xml.writeStartElement(XmlNames.elementName(segment.type()));
        xml.writeAttribute("SEGMENT", "1");
        for (Map.Entry<String, String> field : segment.fields().entrySet()) {
            writeField(xml, field.getKey(), field.getValue(), depth + 1);
        }
        for (Segment child : segment.children()) {
            writeSegment(xml, child, depth + 1);
        }
        indent(xml, depth);
        xml.writeEndElement();
    }

    private static void writeField(XMLStreamWriter xml, String name, String value, int depth)
            throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
