package com.procura.integration.idoc;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming IDoc-XML reader for any basic type: root element named after the basic or extension
 * type, one or more {@code <IDOC BEGIN="1">}, each with {@code <EDI_DC40 SEGMENT="1">} and then
 * segments (elements with a SEGMENT attribute) whose other child elements are fields. Field text is
 * kept exactly, including leading blanks; whitespace between elements is ignored. DTDs are refused.
 * Thread-safe.
 */
public final class IdocXmlReader {

    public static IdocXmlReader create() {
        return new IdocXmlReader();
    }

    public List<Idoc> read(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads bytes; the encoding comes from the XML declaration (UTF-8 when there is none). */
    public List<Idoc> read(InputStream input, String sourceName) {
        try {
            byte[] bytes = input.readAllBytes();
            int start = XmlDeclaration.byteOrderMarkLength(bytes);
            return read(new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start),
                    XmlDeclaration.encodingOf(bytes)), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    public List<Idoc> read(String xml) {
        return read(new StringReader(xml), null);
    }

    /**
     * @param sourceName document name used in error messages, or {@code null}
     * @throws IdocFormatException with line (and column for well-formedness errors) and reason
     */
    public List<Idoc> read(Reader input, String sourceName) {
        XMLStreamReader reader = SecureXml.reader(input, sourceName);
        try {
            return new Parse(reader, sourceName).document();
        } catch (XMLStreamException e) {
            throw SecureXml.wellFormednessError(e, sourceName);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // the document has been read or has already failed with a located error
            }
        }
    }

    private static final class Parse {
        private final XMLStreamReader reader;
        private final String sourceName;

        Parse(XMLStreamReader reader, String sourceName) {
            this.reader = reader;
            this.sourceName = sourceName;
        }

        List<Idoc> document() throws XMLStreamException {
            nextStartElementOfDocument();
            String root = reader.getLocalName();
            int rootLine = line();
            List<Idoc> idocs = new ArrayList<>();
            while (nextChildElement(root)) {
                if (!reader.getLocalName().equals("IDOC")) {
                    throw error(null, null, "unexpected element <" + reader.getLocalName() + "> in <" + root
                            + ">, expected <IDOC>");
                }
                idocs.add(idoc());
            }
            if (idocs.isEmpty()) {
                throw IdocFormatException.atLine(sourceName, rootLine, null, null,
                        "not an IDoc-XML document: root element <" + root + "> has no IDOC child");
            }
            return idocs;
        }

        private Idoc idoc() throws XMLStreamException {
            if (!nextChildElement("IDOC")) {
                throw error(null, null, "IDOC has no EDI_DC40 control record");
            }
            if (!reader.getLocalName().equals("EDI_DC40")) {
                throw error(reader.getLocalName(), null, "IDOC must start with the EDI_DC40 control record, found <"
                        + reader.getLocalName() + ">");
            }
            ControlRecord control = controlRecord();
            List<Segment> segments = new ArrayList<>();
            while (nextChildElement("IDOC")) {
                if (reader.getAttributeValue(null, "SEGMENT") == null) {
                    throw error(reader.getLocalName(), null, "element <" + reader.getLocalName()
                            + "> inside IDOC is not a segment (no SEGMENT attribute)");
                }
                segments.add(segment());
            }
            return new Idoc(control, segments);
        }

        private ControlRecord controlRecord() throws XMLStreamException {
            ControlRecord.Builder control = ControlRecord.builder();
            while (nextChildElement("EDI_DC40")) {
                String name = reader.getLocalName();
                control.set(name, fieldText("EDI_DC40", name));
            }
            return control.build();
        }

        private Segment segment() throws XMLStreamException {
            String elementName = reader.getLocalName();
            String type = XmlNames.segmentType(elementName);
            Segment.Builder segment = Segment.builder(type);
            while (nextChildElement(elementName)) {
                String name = reader.getLocalName();
                if (reader.getAttributeValue(null, "SEGMENT") != null) {
                    segment.child(segment());
                } else {
                    segment.field(name, fieldText(type, name));
                }
            }
            return segment.build();
        }

        private String fieldText(String segment, String field) throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString();
                    }
                    case XMLStreamConstants.START_ELEMENT -> throw error(segment, field, "field contains element <"
                            + reader.getLocalName() + ">; a nested segment needs SEGMENT=\"1\"");
                    default -> {
                        // comments and processing instructions inside a field carry no data
                    }
                }
            }
        }

        /**
         * Moves to the next child start element of the element named {@code parent}; false at its end
         * tag. Text other than whitespace between elements is an error.
         */
        private boolean nextChildElement(String parent) throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
                        return false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!reader.isWhiteSpace()) {
                            throw error(parent, null, "unexpected text '" + reader.getText().strip()
                                    + "' directly inside <" + parent + ">");
                        }
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw error(null, null, "DTDs and entity references are not allowed in IDoc-XML");
                    default -> {
                        // whitespace, comments, processing instructions
                    }
                }
            }
            return false;
        }

        private void nextStartElementOfDocument() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
                if (event == XMLStreamConstants.DTD) {
                    throw error(null, null, "DTDs are not allowed in IDoc-XML");
                }
            }
            throw IdocFormatException.general(sourceName, "not an IDoc-XML document: no root element", null);
        }

        private int line() {
            return reader.getLocation().getLineNumber();
        }

        private IdocFormatException error(String segment, String field, String reason) {
            return IdocFormatException.atLine(sourceName, line(), segment, field, reason);
        }
    }
}
