package io.ipgraph.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the records of a registry XML file: every element whose local name is a record name ({@code case-file}
 * of USPTO bulk files, {@code TransactionData} of WIPO ST.96 and ST.66 transactions) is handed over as a small tree,
 * one at a time, so a file of any size is read in little memory. Bare fragments (USPTO records cut out of bulk
 * files, with no root element) are read too. DTDs and external entities are never loaded.
 */
final class XmlRecords {

	static final Set<String> RECORDS = Set.of("case-file", "TransactionData");

	private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
	}

	private XmlRecords() {
	}

	/** An element: local name, text (trimmed), children, and the line it starts on. */
	record Element(String name, String text, List<Element> children, int line) {

		Element child(String name) {
			for (Element c : this.children) {
				if (c.name.equals(name)) {
					return c;
				}
			}
			return null;
		}

		List<Element> children(String name) {
			return this.children.stream().filter(c -> c.name.equals(name)).toList();
		}

		/** Text of the first element along a path of child names, or null. */
		String text(String... path) {
			Element e = this;
			for (String step : path) {
				e = e.child(step);
				if (e == null) {
					return null;
				}
			}
			return e.text.isEmpty() ? null : e.text;
		}

		/** Every descendant with this name, in document order. */
		List<Element> all(String name) {
			List<Element> out = new ArrayList<>();
			collect(name, out);
			return out;
		}

		private void collect(String name, List<Element> out) {
			for (Element c : this.children) {
				if (c.name.equals(name)) {
					out.add(c);
				}
				c.collect(name, out);
			}
		}

		/** The first descendant with this name, or null. */
		Element first(String name) {
			for (Element c : this.children) {
				if (c.name.equals(name)) {
					return c;
				}
				Element deeper = c.first(name);
				if (deeper != null) {
					return deeper;
				}
			}
			return null;
		}

	}

	/** Malformed XML: where it stops being readable. */
	static final class Malformed extends Exception {

		private final int line;

		Malformed(String message, int line) {
			super(message);
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

	/**
	 * Reads {@code input} and calls {@code each} with every record, in order; stops with {@link Malformed} where
	 * the XML is not well formed (the records before it have been handed over).
	 */
	static void read(InputStream input, Consumer<Element> each) throws IOException, Malformed {
		PushbackInputStream in = new PushbackInputStream(input, 64);
		byte[] head = in.readNBytes(64);
		in.unread(head);
		String start = new String(head, StandardCharsets.UTF_8).stripLeading();
		// a document with a prolog is read as it is; bare fragments get a root around them
		InputStream source = start.startsWith("<?xml") || start.startsWith("<!") ? in
				: new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream("<ipgraph-records>".getBytes(StandardCharsets.UTF_8)),
						in, new ByteArrayInputStream("</ipgraph-records>".getBytes(StandardCharsets.UTF_8)))));
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(source, "UTF-8");
			Deque<Builder> open = new ArrayDeque<>();
			long size = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = reader.getLocalName();
					if (!open.isEmpty() || RECORDS.contains(name)) {
						open.push(new Builder(name, reader.getLocation().getLineNumber()));
						size = recordSize(size + name.length() + 16, open);
					}
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !open.isEmpty()) {
					size = recordSize(size + reader.getTextLength(), open);
					open.peek().text.append(reader.getText());
				}
				else if (event == XMLStreamConstants.END_ELEMENT && !open.isEmpty()) {
					Element done = open.pop().build();
					if (open.isEmpty()) {
						size = 0;
						each.accept(done);
					}
					else {
						open.peek().children.add(done);
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? -1 : ex.getLocation().getLineNumber();
			String message = ex.getMessage() == null ? "not well-formed XML" : ex.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
			throw new Malformed(message, line);
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ex) {
					// nothing left to read
				}
			}
		}
	}

	/** The largest record read, in characters of text and elements: a registry record is a few kilobytes. */
	static final long MAX_RECORD_CHARS = 4L << 20;

	private static long recordSize(long size, Deque<Builder> open) throws Malformed {
		if (size > MAX_RECORD_CHARS) {
			throw new Malformed("a <" + open.peekLast().name + "> record is larger than " + MAX_RECORD_CHARS
					+ " characters; the rest of the file is not read", open.peekLast().line);
		}
		return size;
	}

	private static final class Builder {

		final String name;

		final int line;

		final StringBuilder text = new StringBuilder();

		final List<Element> children = new ArrayList<>();

		Builder(String name, int line) {
			this.name = name;
			this.line = line;
		}

		Element build() {
			return new Element(this.name, this.text.toString().strip(), List.copyOf(this.children), this.line);
		}

	}

}
