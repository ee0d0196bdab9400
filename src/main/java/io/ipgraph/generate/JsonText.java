package io.ipgraph.generate;

import java.util.List;
import java.util.Locale;

/**
 * JSON text of the values the generator writes (strings, numbers, booleans and lists of them), appended to a line
 * being built: written by hand because the generator writes millions of lines and this is its inner loop.
 */
final class JsonText {

	private JsonText() {
	}

	static void append(StringBuilder b, Object value) {
		if (value instanceof String s) {
			b.append('"');
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '"' -> b.append("\\\"");
					case '\\' -> b.append("\\\\");
					case '\n' -> b.append("\\n");
					default -> {
						if (c < 0x20) {
							b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
						}
						else {
							b.append(c);
						}
					}
				}
			}
			b.append('"');
		}
		else if (value instanceof List<?> list) {
			b.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					b.append(',');
				}
				append(b, list.get(i));
			}
			b.append(']');
		}
		else {
			b.append(value);
		}
	}

}
