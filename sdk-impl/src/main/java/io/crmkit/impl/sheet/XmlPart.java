package io.crmkit.impl.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A pull parser over one XML part of an .xlsx, hardened: no DTD, no entities, no external access, at most
 * {@value #MAX_DEPTH} levels of nesting, and every failure turned into a ValidationException naming the part.
 * Elements are matched by local name, so any namespace prefix works.
 */
final class XmlPart implements Closeable {

    /** Deepest nesting accepted: a sheet needs about 10 levels. */
    static final int MAX_DEPTH = 100;

    private final String name;
    private final InputStream in;
    private final XMLStreamReader xml;
    private int depth;

    private XmlPart(String name, InputStream in, XMLStreamReader xml) {
        this.name = name;
        this.in = in;
        this.xml = xml;
    }

    /**
     * @param in   the part's bytes, closed with this part
     * @param name what the part is, for messages, such as "first sheet" or "shared strings"
     */
    static XmlPart open(InputStream in, String name) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            return new XmlPart(name, in, factory.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw failure(e, name);
        }
    }

    /** @return what the part is, for messages */
    String name() {
        return name;
    }

    /**
     * @return the next event's type, such as {@link XMLStreamConstants#START_ELEMENT}; END_DOCUMENT at the end
     * @throws io.crmkit.api.error.ValidationException {@code unsafe} for a DTD or too deep nesting,
     *         {@code malformed} for XML that is not well-formed
     */
    int next() {
        int event;
        try {
            event = xml.next();
        } catch (XMLStreamException e) {
            throw failure(e, name);
        }
        if (event == XMLStreamConstants.DTD) {
            throw FileProblem.of("unsafe", name + ": has a DOCTYPE declaration, which can make a parser read other "
                    + "files or expand entities without end; Excel never writes one, so the file is refused");
        }
        if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
            throw FileProblem.of("unsafe", name + ": elements nested more than " + MAX_DEPTH + " levels deep");
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    /** @return whether the current event starts an element of this local name */
    boolean isStart(String localName) {
        return xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(localName);
    }

    /** @return whether the current event ends an element of this local name */
    boolean isEnd(String localName) {
        return xml.getEventType() == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(localName);
    }

    /** @return the value of the current start element's attribute of this local name, in any namespace, or null */
    String attribute(String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Reads the text inside the current start element, up to and including its end.
     *
     * @param maxChars the most characters accepted
     * @param tooLong  the error for longer text, thrown as soon as maxChars is passed
     */
    String readText(long maxChars, Supplier<RuntimeException> tooLong) {
        StringBuilder text = new StringBuilder();
        appendText(text, maxChars, tooLong);
        return text.toString();
    }

    /**
     * Reads a rich-text string element (a shared string's {@code si}, an inline string's {@code is}) up to and
     * including its end: the text of its {@code t} elements, plain or in runs, leaving out phonetic guides.
     *
     * @param maxChars the most characters accepted
     * @param tooLong  the error for longer text, thrown as soon as maxChars is passed
     */
    String readRichText(long maxChars, Supplier<RuntimeException> tooLong) {
        StringBuilder text = new StringBuilder();
        int level = depth;
        while (next() != XMLStreamConstants.END_ELEMENT || depth >= level) {
            if (isStart("rPh")) {
                skipElement();
            } else if (isStart("t")) {
                appendText(text, maxChars, tooLong);
            }
        }
        return text.toString();
    }

    /** Closes the parser and the part's stream. */
    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException e) {
            throw failure(e, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendText(StringBuilder text, long maxChars, Supplier<RuntimeException> tooLong) {
        int level = depth;
        while (next() != XMLStreamConstants.END_ELEMENT || depth >= level) {
            int event = xml.getEventType();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (text.length() + (long) xml.getTextLength() > maxChars) {
                    throw tooLong.get();
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    private void skipElement() {
        int level = depth;
        while (next() != XMLStreamConstants.END_ELEMENT || depth >= level) {
            // Everything inside is left out.
        }
    }

    private static RuntimeException failure(XMLStreamException e, String name) {
        // The part's stream fails with a ValidationException, which the parser lets through, or an IOException,
        // which it wraps.
        if (e.getNestedException() instanceof IOException io) {
            return PartFailure.of(io, name);
        }
        Location at = e.getLocation();
        return FileProblem.of("malformed", name + ": is not well-formed XML"
                + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")
                + ". Open the file in Excel and save it again");
    }
}
