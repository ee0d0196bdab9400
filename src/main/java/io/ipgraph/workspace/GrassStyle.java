package io.ipgraph.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Browser kit's style sheet (GraSS, {@code cypher/browser/ipgraph.grass}) read for the workspace's network canvas, so
 * that a company is the same blue with the same caption there as in Neo4j Browser: per node label its colour, border,
 * text colour, diameter and caption property; per relationship type its colour, width and caption.
 */
final class GrassStyle {

	static final String RESOURCE = "cypher/browser/ipgraph.grass";

	private static final Pattern RULE = Pattern.compile("([a-z]+)(?:\\.([A-Za-z_]+))?\\s*\\{([^}]*)}");

	private static final Pattern DECLARATION = Pattern.compile("([a-z-]+)\\s*:\\s*([^;]+);");

	/** Per selector ({@code node}, {@code node.Company}, {@code relationship.OWNS}), its declarations. */
	private final Map<String, Map<String, String>> rules;

	private GrassStyle(Map<String, Map<String, String>> rules) {
		this.rules = rules;
	}

	static GrassStyle fromClasspath() {
		try (InputStream in = GrassStyle.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static GrassStyle parse(String grass) {
		Map<String, Map<String, String>> rules = new LinkedHashMap<>();
		Matcher rule = RULE.matcher(grass);
		while (rule.find()) {
			String selector = rule.group(1) + (rule.group(2) == null ? "" : "." + rule.group(2));
			Map<String, String> declarations = new LinkedHashMap<>();
			Matcher d = DECLARATION.matcher(rule.group(3));
			while (d.find()) {
				declarations.put(d.group(1), unquote(d.group(2).strip()));
			}
			rules.computeIfAbsent(selector, k -> new LinkedHashMap<>()).putAll(declarations);
		}
		return new GrassStyle(rules);
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
	}

	/** A declaration of {@code selector} ({@code node.Company}), else of its kind's default ({@code node}), else null. */
	String get(String selector, String key) {
		Map<String, String> own = this.rules.get(selector);
		if (own != null && own.containsKey(key)) {
			return own.get(key);
		}
		Map<String, String> base = this.rules.get(selector.contains(".") ? selector.substring(0, selector.indexOf('.')) : selector);
		return base == null ? null : base.get(key);
	}

	/**
	 * The property a node's or relationship's caption shows ({@code {name}} gives {@code name}); {@code <type>} gives the
	 * relationship's type, written {@code :type}; null when the caption is not one property.
	 */
	String captionProperty(String selector) {
		String caption = get(selector, "caption");
		if (caption == null) {
			return null;
		}
		if (caption.equals("<type>")) {
			return ":type";
		}
		return caption.matches("\\{[A-Za-z_][A-Za-z0-9_]*}") ? caption.substring(1, caption.length() - 1) : null;
	}

	/** The canvas's style: per node label and per relationship type the colours, sizes and caption property. */
	Map<String, Object> forCanvas() {
		Map<String, Object> nodes = new LinkedHashMap<>();
		Map<String, Object> relationships = new LinkedHashMap<>();
		this.rules.keySet().forEach(selector -> {
			if (selector.startsWith("node.")) {
				Map<String, Object> s = new LinkedHashMap<>();
				s.put("color", get(selector, "color"));
				s.put("border", get(selector, "border-color"));
				s.put("text", get(selector, "text-color-internal"));
				s.put("size", pixels(get(selector, "diameter")));
				s.put("borderWidth", pixels(get(selector, "border-width")));
				nodes.put(selector.substring(5), s);
			}
			else if (selector.startsWith("relationship.")) {
				Map<String, Object> s = new LinkedHashMap<>();
				s.put("color", get(selector, "color"));
				s.put("width", pixels(get(selector, "shaft-width")));
				relationships.put(selector.substring(13), s);
			}
		});
		Map<String, Object> canvas = new LinkedHashMap<>();
		canvas.put("node", Map.of("color", get("node", "color"), "border", get("node", "border-color"), "text", get("node", "text-color-internal"), "size",
				pixels(get("node", "diameter")), "borderWidth", pixels(get("node", "border-width"))));
		canvas.put("relationship", Map.of("color", get("relationship", "color"), "width", pixels(get("relationship", "shaft-width"))));
		canvas.put("nodes", nodes);
		canvas.put("relationships", relationships);
		return canvas;
	}

	private static Integer pixels(String value) {
		return value == null ? null : Integer.valueOf(value.replace("px", "").strip());
	}

}
