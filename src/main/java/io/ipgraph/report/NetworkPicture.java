package io.ipgraph.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a network as SVG, laid out on the server: a force-directed layout (Fruchterman and Reingold) started
 * from rings around the report's entity, one ring per hop, then a pass that pushes apart nodes whose labels
 * overlap. Deterministic: the same graph gives the same picture. Nodes are coloured by type, edges carry their
 * relationship type, and a legend names the colours. The SVG uses attributes only (no CSS), so browsers and the
 * PDF renderer (Batik) draw it alike.
 */
final class NetworkPicture {

	/** A node to draw: its id, its label, its type and its distance (in hops) from the center. */
	record Node(String id, String label, String kind, int distance) {
	}

	/** A relationship to draw. */
	record Edge(String from, String to, String type) {
	}

	static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("Company", "#4C8EDA"), Map.entry("Person", "#F79767"),
			Map.entry("Mark", "#C990C0"), Map.entry("Registration", "#57C7E3"), Map.entry("Lawsuit", "#F16667"),
			Map.entry("Ruling", "#D9A066"), Map.entry("Appeal", "#8DCC93"), Map.entry("Court", "#E58BB0"),
			Map.entry("Seizure", "#FFC454"), Map.entry("Authority", "#B07ACF"), Map.entry("Jurisdiction", "#A5ABB6"),
			Map.entry("Office", "#569480"), Map.entry("Agreement", "#6DCE9E"), Map.entry("Product", "#E6D46B"),
			Map.entry("EnforcementAction", "#D96A6A"), Map.entry("RegistryEvent", "#9AB0C8"));

	private static final String OTHER_COLOUR = "#BBBBBB";

	private static final double RADIUS = 13;

	private static final double FONT = 12;

	private static final double EDGE_FONT = 9;

	private static final int LINE_CHARS = 22;

	private static final double MARGIN = 24;

	private NetworkPicture() {
	}

	/** The picture of these nodes (the first is the center) and edges. */
	static String svg(List<Node> nodes, List<Edge> edges) {
		int n = nodes.size();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < n; i++) {
			index.put(nodes.get(i).id(), i);
		}
		// parallel relationships between two nodes share one line, with all their types
		Map<String, Edge> lines = new LinkedHashMap<>();
		for (Edge e : edges) {
			if (!index.containsKey(e.from()) || !index.containsKey(e.to()) || e.from().equals(e.to())) {
				continue;
			}
			String key = e.from().compareTo(e.to()) < 0 ? e.from() + "\u0000" + e.to() : e.to() + "\u0000" + e.from();
			Edge seen = lines.get(key);
			lines.put(key, seen == null ? e : new Edge(seen.from(), seen.to(), seen.type().contains(e.type()) ? seen.type() : seen.type() + " / " + e.type()));
		}
		double[][] pos = layout(nodes, List.copyOf(lines.values()), index);
		List<List<String>> labels = nodes.stream().map(node -> wrap(node.label())).toList();
		separate(pos, labels);

		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			double[] box = box(pos[i], labels.get(i));
			minX = Math.min(minX, box[0]);
			minY = Math.min(minY, box[1]);
			maxX = Math.max(maxX, box[2]);
			maxY = Math.max(maxY, box[3]);
		}
		if (n == 0) {
			minX = minY = 0;
			maxX = 300;
			maxY = 40;
		}
		double dx = MARGIN - minX;
		double dy = MARGIN - minY;
		double width = Math.max(maxX - minX + 2 * MARGIN, 420);
		List<String> kinds = new ArrayList<>(new LinkedHashSet<>(nodes.stream().map(Node::kind).sorted().toList()));
		double legendTop = maxY + dy + 14;
		List<double[]> legendAt = new ArrayList<>();
		double x = MARGIN;
		double y = legendTop;
		for (String kind : kinds) {
			double w = 24 + kind.length() * FONT * 0.6;
			if (x + w > width - MARGIN && x > MARGIN) {
				x = MARGIN;
				y += 18;
			}
			legendAt.add(new double[] { x, y });
			x += w + 14;
		}
		double height = y + 18 + MARGIN / 2;

		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
						+ " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">",
				width, height, width, height));
		svg.append("<title>Network of the entities in this report</title>");
		svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
				+ " orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#888888\"/></marker></defs>");
		svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#FFFFFF\"/>", width, height));
		svg.append("<g class=\"edges\">");
		for (Edge e : lines.values()) {
			double[] a = pos[index.get(e.from())];
			double[] b = pos[index.get(e.to())];
			double len = Math.max(Math.hypot(b[0] - a[0], b[1] - a[1]), 0.01);
			double ux = (b[0] - a[0]) / len;
			double uy = (b[1] - a[1]) / len;
			svg.append(String.format(Locale.ROOT,
					"<line class=\"edge\" data-type=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999999\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>",
					Html.escape(e.type()), a[0] + ux * RADIUS + dx, a[1] + uy * RADIUS + dy, b[0] - ux * (RADIUS + 1) + dx,
					b[1] - uy * (RADIUS + 1) + dy));
		}
		// an edge's label goes where it hides no node and no other label: the middle of the line, or nearer an end
		List<double[]> taken = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			taken.add(box(pos[i], labels.get(i)));
		}
		for (Edge e : lines.values()) {
			double[] a = pos[index.get(e.from())];
			double[] b = pos[index.get(e.to())];
			double w = e.type().length() * EDGE_FONT * 0.62 + 4;
			double[] chosen = null;
			long fewest = Long.MAX_VALUE;
			for (double t : new double[] { 0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78 }) {
				double[] at = { a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t };
				double[] rect = { at[0] - w / 2, at[1] - EDGE_FONT + 1, at[0] + w / 2, at[1] + 4 };
				long hidden = taken.stream().filter(r -> overlaps(r, rect)).count();
				if (hidden < fewest) {
					chosen = rect;
					fewest = hidden;
				}
				if (hidden == 0) {
					break;
				}
			}
			taken.add(chosen);
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#FFFFFF\" fill-opacity=\"0.85\"/>"
							+ "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" fill=\"#666666\" text-anchor=\"middle\">%s</text>",
					chosen[0] + dx, chosen[1] + dy, w, EDGE_FONT + 3, (chosen[0] + chosen[2]) / 2 + dx, chosen[3] - 1.5 + dy, EDGE_FONT,
					Html.escape(e.type())));
		}
		svg.append("</g><g class=\"nodes\">");
		for (int i = 0; i < n; i++) {
			Node node = nodes.get(i);
			double cx = pos[i][0] + dx;
			double cy = pos[i][1] + dy;
			svg.append(String.format(Locale.ROOT,
					"<g class=\"node\" data-id=\"%s\" data-kind=\"%s\" data-label=\"%s\"><title>%s (%s)</title>"
							+ "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
					Html.escape(node.id()), Html.escape(node.kind()), Html.escape(node.label()), Html.escape(node.label()),
					Html.escape(node.kind()), cx, cy, i == 0 ? RADIUS + 3 : RADIUS, colour(node.kind()), i == 0 ? "#222222" : "#FFFFFF",
					i == 0 ? "2.5" : "1.5"));
			List<String> lines2 = labels.get(i);
			for (int l = 0; l < lines2.size(); l++) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#222222\" text-anchor=\"middle\"%s>%s</text>",
						cx, cy + RADIUS + FONT + 2 + l * (FONT + 2), FONT, i == 0 ? " font-weight=\"bold\"" : "", Html.escape(lines2.get(l))));
			}
			svg.append("</g>");
		}
		svg.append("</g><g class=\"legend\">");
		for (int i = 0; i < kinds.size(); i++) {
			double[] at = legendAt.get(i);
			svg.append(String.format(Locale.ROOT,
					"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"#333333\">%s</text>",
					at[0] + 6, at[1], colour(kinds.get(i)), at[0] + 16, at[1] + 4, FONT, Html.escape(kinds.get(i))));
		}
		svg.append("</g></svg>");
		return svg.toString();
	}

	static String colour(String kind) {
		return COLOURS.getOrDefault(kind, OTHER_COLOUR);
	}

	/** Fruchterman-Reingold from rings around the center; the center stays at the origin. */
	private static double[][] layout(List<Node> nodes, List<Edge> edges, Map<String, Integer> index) {
		int n = nodes.size();
		double[][] pos = new double[n][2];
		Map<Integer, List<Integer>> rings = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			rings.computeIfAbsent(nodes.get(i).distance(), d -> new ArrayList<>()).add(i);
		}
		for (Map.Entry<Integer, List<Integer>> ring : rings.entrySet()) {
			List<Integer> members = new ArrayList<>(ring.getValue());
			members.sort(Comparator.comparing((Integer i) -> nodes.get(i).kind()).thenComparing(i -> nodes.get(i).id()));
			for (int j = 0; j < members.size(); j++) {
				double angle = 2 * Math.PI * j / members.size() + ring.getKey() * 0.5;
				double radius = ring.getKey() * 140;
				pos[members.get(j)][0] = radius * Math.cos(angle);
				pos[members.get(j)][1] = radius * Math.sin(angle) * 0.6;
			}
		}
		double k = 105;
		int iterations = 500;
		double temperature = 120;
		for (int it = 0; it < iterations; it++) {
			double[][] disp = new double[n][2];
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					double ddx = pos[i][0] - pos[j][0];
					double ddy = pos[i][1] - pos[j][1];
					double d = Math.max(Math.hypot(ddx, ddy), 0.5);
					double force = k * k / d;
					disp[i][0] += ddx / d * force;
					disp[i][1] += ddy / d * force;
					disp[j][0] -= ddx / d * force;
					disp[j][1] -= ddy / d * force;
				}
			}
			for (Edge e : edges) {
				int a = index.get(e.from());
				int b = index.get(e.to());
				double ddx = pos[a][0] - pos[b][0];
				double ddy = pos[a][1] - pos[b][1];
				double d = Math.max(Math.hypot(ddx, ddy), 0.5);
				double force = d * d / k;
				disp[a][0] -= ddx / d * force;
				disp[a][1] -= ddy / d * force;
				disp[b][0] += ddx / d * force;
				disp[b][1] += ddy / d * force;
			}
			for (int i = 1; i < n; i++) {
				// a weak pull to the center keeps loose parts near; wider than tall suits a page
				disp[i][0] -= pos[i][0] * 0.03;
				disp[i][1] -= pos[i][1] * 0.1;
				double d = Math.max(Math.hypot(disp[i][0], disp[i][1]), 0.01);
				double step = Math.min(d, temperature);
				pos[i][0] += disp[i][0] / d * step;
				pos[i][1] += disp[i][1] / d * step;
			}
			temperature = Math.max(1, temperature * 0.985);
		}
		return pos;
	}

	/** Pushes apart nodes whose circles or labels overlap, along the axis where they overlap least. */
	private static void separate(double[][] pos, List<List<String>> labels) {
		int n = pos.length;
		for (int round = 0; round < 300; round++) {
			boolean moved = false;
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					double[] a = box(pos[i], labels.get(i));
					double[] b = box(pos[j], labels.get(j));
					double overlapX = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 6;
					double overlapY = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 6;
					if (overlapX <= 0 || overlapY <= 0) {
						continue;
					}
					moved = true;
					int sign;
					if (overlapX < overlapY) {
						sign = pos[i][0] < pos[j][0] || (pos[i][0] == pos[j][0] && i < j) ? -1 : 1;
						move(pos, i, j, sign * overlapX / 2, 0);
					}
					else {
						sign = pos[i][1] < pos[j][1] || (pos[i][1] == pos[j][1] && i < j) ? -1 : 1;
						move(pos, i, j, 0, sign * overlapY / 2);
					}
				}
			}
			if (!moved) {
				return;
			}
		}
	}

	private static boolean overlaps(double[] a, double[] b) {
		return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
	}

	private static void move(double[][] pos, int i, int j, double x, double y) {
		// the center (index 0) stays; the other node takes the whole step
		double share = i == 0 ? 0 : 1;
		double other = i == 0 ? 2 : 1;
		pos[i][0] += x * share;
		pos[i][1] += y * share;
		pos[j][0] -= x * other;
		pos[j][1] -= y * other;
	}

	/** The box a node takes: its circle and the lines of its label under it. */
	private static double[] box(double[] at, List<String> lines) {
		int longest = lines.stream().mapToInt(String::length).max().orElse(0);
		double half = Math.max(RADIUS, longest * FONT * 0.62 / 2);
		return new double[] { at[0] - half, at[1] - RADIUS - 2, at[0] + half, at[1] + RADIUS + 4 + lines.size() * (FONT + 2) };
	}

	/** A label in at most two lines of about {@value #LINE_CHARS} characters, cut with an ellipsis. */
	static List<String> wrap(String label) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : label.split("\\s+")) {
			if (!line.isEmpty() && line.length() + 1 + word.length() > LINE_CHARS) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(word);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		List<String> cut = new ArrayList<>();
		for (int i = 0; i < lines.size() && i < 2; i++) {
			String text = lines.get(i);
			if (text.length() > LINE_CHARS + 6) {
				text = text.substring(0, LINE_CHARS + 4) + "…";
			}
			cut.add(i == 1 && lines.size() > 2 ? (text.length() > LINE_CHARS ? text.substring(0, LINE_CHARS) : text) + "…" : text);
		}
		return cut;
	}

}
