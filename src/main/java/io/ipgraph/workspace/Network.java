package io.ipgraph.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.ipgraph.analysis.GraphAnalysis;
import io.ipgraph.analysis.GraphAnalysis.LinkedKinds;
import io.ipgraph.analysis.GraphAnalysis.Subgraph;
import io.ipgraph.analysis.Trace;
import io.ipgraph.graphql.NodeQueries;
import io.ipgraph.home.Pages;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.report.Html;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network canvas of an entity ({@code /entity/{id}/network}): the entity and what is linked to it, drawn with
 * Cytoscape.js (served from the jar) in the colours and captions of the Browser kit. A node's neighbours are expanded
 * by kind, a page at a time ("N more"); {@code ?to=} draws the shortest paths to another entity, {@code ?trace=} the
 * trace of a firm in a territory laid out as its chain (group, partners, marks, earlier registrations, their owners,
 * disputes); an edge opens its sources and their words. Every element comes from reads through the store with the
 * reader's visibility, so what they may not see never reaches the page.
 */
@RestController
class Network {

	/** Entities of one kind drawn per expansion; the rest wait behind "N more". */
	static final int PAGE = 10;

	/** Linked entities counted per node before the count says "or more" (a hub costs no more than this). */
	static final int COUNT_CAP = 5000;

	/** Entities an expansion may join to on the screen. */
	static final int DRAWN_CAP = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GrassStyle STYLE = GrassStyle.fromClasspath();

	private final GraphAnalysis analysis;

	private final Trace trace;

	private final Entities entities;

	private final NodeQueries queries;

	private final GraphStore store;

	Network(GraphAnalysis analysis, Trace trace, Entities entities, NodeQueries queries, GraphStore store) {
		this.analysis = analysis;
		this.trace = trace;
		this.entities = entities;
		this.queries = queries;
		this.store = store;
	}

	@GetMapping(path = "/entity/{id}/network", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String id, @RequestParam(required = false) String to, @RequestParam(required = false) String trace) {
		Map<String, Object> center = this.entities.find(id).orElse(null);
		if (center == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(Pages.problem(404, "Nothing here",
					"No entity with id '" + id + "' that you may see.", "<a href=\"/search\">Search</a> for it by name."));
		}
		String kind = EntityRow.typeName(center);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("center", id);
		data.put("style", STYLE.forCanvas());
		String note = null;
		String mode = "expand";
		try {
			if (to != null && !to.isBlank()) {
				mode = "path";
				Map<String, Object> target = target(to.strip());
				note = "Shortest paths from " + Html.escape(Links.name(center)) + " to " + Links.to(target);
				paths(data, id, (String) target.get("id"));
				if (((List<?>) data.get("nodes")).size() <= 1) {
					note += ": none within " + PATH_HOPS + " links that you may see.";
				}
			}
			else if (trace != null && !trace.isBlank()) {
				if (!kind.equals("Company")) {
					throw new BadRequestException("A trace follows a company; " + Links.name(center) + " is a " + kind);
				}
				mode = "trace";
				String territory = trace.strip().toUpperCase(Locale.ROOT);
				note = "The trace of " + Html.escape(Links.name(center)) + " in <b>" + Html.escape(territory)
						+ "</b>, left to right: its group, partners, marks, the earlier registrations of its marks, their owners, the disputes.";
				trace(data, id, territory);
			}
			else {
				expandAll(data, center);
			}
		}
		catch (BadRequestException ex) {
			note = "<span class=\"error\">" + Html.escape(ex.getMessage()) + "</span>";
			mode = "expand";
			expandAll(data, center);
		}
		data.put("mode", mode);
		StringBuilder html = new StringBuilder(Workspace.frame("Network of " + Links.name(center), ""));
		html.append(CANVAS_STYLE).append("<section class=\"title\"><p class=\"kind\">Network · ").append(Html.escape(kind)).append("</p><h2>")
			.append(Html.escape(Links.name(center))).append("</h2><p><a href=\"").append(Links.entity(id)).append("\">its page</a>");
		if (!mode.equals("expand")) {
			html.append(" · <a href=\"").append(Links.entity(id)).append("/network\">its neighbours</a>");
		}
		html.append("</p>");
		if (note != null) {
			html.append("<p class=\"note\">").append(note).append("</p>");
		}
		html.append("<div class=\"tools\"><form class=\"inline\" method=\"get\" action=\"").append(Links.entity(id))
			.append("/network\"><label>Path to <input name=\"to\" value=\"").append(Html.escape(to == null ? "" : to))
			.append("\" placeholder=\"a name or id\" size=\"28\"></label> <button type=\"submit\">Find paths</button></form>");
		if (kind.equals("Company")) {
			html.append(" <form class=\"inline\" method=\"get\" action=\"").append(Links.entity(id))
				.append("/network\"><label>Trace in <input name=\"trace\" size=\"4\" placeholder=\"CN\" value=\"").append(Html.escape(trace == null ? "" : trace))
				.append("\"></label> <button type=\"submit\">Trace</button></form>");
		}
		html.append("</div></section>\n<section class=\"network\"><div class=\"canvas-wrap\"><div id=\"canvas\" tabindex=\"0\" role=\"application\"")
			.append(" aria-label=\"Network: arrow keys pan, + and - zoom, 0 fits\"></div>")
			.append("<aside id=\"panel\" aria-live=\"polite\"><p>Choose a node or a link, on the canvas or in the list below, to see what it is and its sources;")
			.append(" a node's neighbours are added by kind.</p></aside></div>")
			.append("<p class=\"legend\" id=\"counts\"></p><h3>Drawn</h3><ul id=\"drawn\" class=\"drawn\"></ul>")
			.append("<noscript><p>The network is drawn by script; <a href=\"").append(Links.entity(id)).append("\">the entity's page</a> lists the same links.</p></noscript>")
			.append("</section>\n<script type=\"application/json\" id=\"network-data\">").append(json(data)).append("</script>\n")
			.append("<script src=\"/webjars/cytoscape/").append(CYTOSCAPE).append("/dist/cytoscape.min.js\"></script>\n")
			.append("<script src=\"/workspace/network.js\"></script>\n");
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.append(Workspace.end()).toString());
	}

	/** The Cytoscape.js version the page loads (its webjar's). */
	static final String CYTOSCAPE = "3.33.1";

	static final int PATH_HOPS = 6;

	/** How many entities of each kind are linked to {@code id}, for the expand buttons. */
	@GetMapping(path = "/api/network/kinds", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> kinds(@RequestParam String id) {
		LinkedKinds kinds = this.analysis.linkedKinds(id, COUNT_CAP);
		return Map.of("id", id, "counts", kinds.counts(), "complete", kinds.complete());
	}

	/**
	 * A request to expand a node: its id, the kind, how many of that kind were asked for already, the ids on the screen,
	 * and how many of that kind the node has (from the counts), to page them by id unless they are too many to sort.
	 */
	record Expand(String id, String kind, Integer skip, List<String> drawn, Integer total) {
	}

	/** Neighbours of one kind paged in id order up to this many; beyond, in the order the store follows the links. */
	static final int SORTED_UP_TO = 2000;

	/** The next page of a node's neighbours of one kind, with their links to it and to what is drawn. */
	@PostMapping(path = "/api/network/expand", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> expand(@RequestBody Expand request) {
		if (request.id() == null || request.kind() == null) {
			throw new BadRequestException("id and kind are required");
		}
		int skip = request.skip() == null ? 0 : request.skip();
		if (skip < 0) {
			throw new BadRequestException("skip must not be negative, was " + skip);
		}
		List<String> drawn = request.drawn() == null ? List.of() : request.drawn();
		if (drawn.size() > DRAWN_CAP) {
			drawn = drawn.subList(drawn.size() - DRAWN_CAP, drawn.size());
		}
		Subgraph page = this.analysis.linked(request.id(), request.kind(), skip, PAGE, drawn, request.total() == null || request.total() <= SORTED_UP_TO);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("nodes", page.nodes().stream().map(Network::node).toList());
		answer.put("edges", edges(page.relationships()));
		answer.put("more", page.truncated());
		return answer;
	}

	/** The sources of an edge (or a node), as the reader may see them: title, publisher, date, kind and address. */
	@GetMapping(path = "/api/network/sources", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> sources(@RequestParam List<String> ids) {
		if (ids.size() > 200) {
			throw new BadRequestException("at most 200 source ids at a time, got " + ids.size());
		}
		List<Map<String, Object>> found = new ArrayList<>();
		for (Record r : this.store.read("MATCH (s:Source) WHERE s.id IN $ids AND " + GraphStore.shown("s")
				+ " RETURN s {.id, .title, .publisher, .publishedOn, .kind, .url} AS s", Map.of("ids", ids))) {
			found.add(r.get("s").asMap());
		}
		return found;
	}

	/** A wrong request to the canvas's API (an unknown kind, an entity the reader may not see): 400 with what was wrong. */
	@org.springframework.web.bind.annotation.ExceptionHandler(BadRequestException.class)
	ResponseEntity<Map<String, Object>> badRequest(BadRequestException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", ex.getMessage()));
	}

	private void expandAll(Map<String, Object> data, Map<String, Object> center) {
		String id = (String) center.get("id");
		LinkedKinds kinds = this.analysis.linkedKinds(id, COUNT_CAP);
		List<Map<String, Object>> nodes = new ArrayList<>(List.of(node(center)));
		List<Map<String, Object>> relationships = new ArrayList<>();
		List<String> drawn = new ArrayList<>(List.of(id));
		for (String kind : kinds.counts().keySet()) {
			Subgraph page = this.analysis.linked(id, kind, 0, PAGE, drawn);
			page.nodes().forEach(n -> {
				nodes.add(node(n));
				drawn.add((String) n.get("id"));
			});
			relationships.addAll(page.relationships());
		}
		data.put("nodes", nodes);
		data.put("edges", edges(relationships));
		data.put("kinds", Map.of("id", id, "counts", kinds.counts(), "complete", kinds.complete()));
	}

	private Map<String, Object> target(String to) {
		return this.entities.find(to).orElseGet(() -> {
			List<Map<String, Object>> hits = this.queries.search(to, null, 1);
			if (hits.isEmpty()) {
				throw new BadRequestException("Nothing found for '" + to + "' that you may see, to draw a path to");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> hit = (Map<String, Object>) hits.getFirst().get("node");
			return hit;
		});
	}

	private void paths(Map<String, Object> data, String from, String to) {
		List<Map<String, Object>> paths = this.analysis.paths(from, to, PATH_HOPS, null, 5);
		Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
		List<Map<String, Object>> relationships = new ArrayList<>();
		int row = 0;
		for (Map<String, Object> path : paths) {
			int column = 0;
			for (Object n : (List<?>) path.get("nodes")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> row0 = (Map<String, Object>) n;
				int c = column++;
				int r = row;
				nodes.computeIfAbsent((String) row0.get("id"), k -> withPlace(node(row0), c, r));
			}
			for (Object h : (List<?>) path.get("hops")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> hop = (Map<String, Object>) h;
				relationships.add(hop);
			}
			row++;
		}
		if (nodes.isEmpty()) {
			nodes.put(from, withPlace(node(this.entities.require(from)), 0, 0));
		}
		data.put("nodes", List.copyOf(nodes.values()));
		data.put("edges", edges(relationships));
	}

	@SuppressWarnings("unchecked")
	private void trace(Map<String, Object> data, String firm, String territory) {
		Map<String, Object> result = this.trace.of(firm, territory, 2, null);
		Map<String, Integer> columns = new LinkedHashMap<>();
		columns.put(firm, 0);
		for (String key : List.of("sameAs", "subsidiaries")) {
			((List<Map<String, Object>>) result.get(key)).forEach(c -> columns.putIfAbsent((String) c.get("id"), 0));
		}
		((List<Map<String, Object>>) result.get("partners")).forEach(p -> columns.putIfAbsent((String) ((Map<?, ?>) p.get("partner")).get("id"), 1));
		((List<Map<String, Object>>) result.get("marks")).forEach(m -> columns.putIfAbsent((String) ((Map<?, ?>) m.get("mark")).get("id"), 2));
		((List<Map<String, Object>>) result.get("priorRegistrations"))
			.forEach(p -> columns.putIfAbsent((String) ((Map<?, ?>) p.get("registration")).get("id"), 3));
		for (String key : List.of("lawsuits", "seizures")) {
			((List<Map<String, Object>>) result.get(key)).forEach(c -> columns.putIfAbsent((String) c.get("id"), 5));
		}
		Map<String, Object> subgraph = (Map<String, Object>) result.get("subgraph");
		Map<Integer, Integer> rows = new LinkedHashMap<>();
		List<Map<String, Object>> nodes = new ArrayList<>();
		for (Map<String, Object> n : (List<Map<String, Object>>) subgraph.get("nodes")) {
			// the owners of the earlier registrations are the column between those and the disputes
			int column = columns.getOrDefault((String) n.get("id"), 4);
			int row = rows.merge(column, 1, Integer::sum) - 1;
			nodes.add(withPlace(node(n), column, row));
		}
		data.put("nodes", nodes);
		data.put("edges", edges((List<Map<String, Object>>) subgraph.get("relationships")));
		data.put("columns", List.of("group", "partners", "marks", "earlier registrations", "their owners", "disputes"));
	}

	private static Map<String, Object> withPlace(Map<String, Object> node, int column, int row) {
		node.put("column", column);
		node.put("row", row);
		return node;
	}

	/** A node as the canvas draws it: id, kind, caption (the Browser kit's caption property), its page and its sources. */
	static Map<String, Object> node(Map<String, Object> row) {
		String kind = EntityRow.typeName(row);
		String property = STYLE.captionProperty("node." + kind);
		Object caption = property == null ? null : row.get(property);
		String label = caption instanceof String s && !s.isBlank() ? s : Links.name(row);
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("id", row.get("id"));
		node.put("kind", kind);
		node.put("label", label.length() > 40 ? label.substring(0, 39) + "…" : label);
		String name = Links.name(row);
		node.put("name", name.equals(row.get("id")) && caption instanceof String s && !s.isBlank() ? s + " (" + name + ")" : name);
		node.put("href", Links.entity(String.valueOf(row.get("id"))));
		node.put("sourceIds", EntityRow.strings(row.get("sourceIds")));
		node.put("quotes", EntityRow.strings(row.get("quotes")));
		return node;
	}

	/** Relationships as the canvas draws them, each once, with a caption, its properties and its sources. */
	static List<Map<String, Object>> edges(List<Map<String, Object>> relationships) {
		Map<String, Map<String, Object>> edges = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Map<String, Object> hop : relationships) {
			String type = (String) hop.get("type");
			String key = hop.get("rid") != null ? (String) hop.get("rid")
					: type + "|" + hop.get("from") + "|" + hop.get("to") + "|" + hop.get("sourceIds") + "|" + hop.get("properties");
			if (!seen.add(key)) {
				continue;
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			for (Object p : (List<?>) hop.getOrDefault("properties", List.of())) {
				Map<?, ?> property = (Map<?, ?>) p;
				properties.put(String.valueOf(property.get("key")), property.get("value"));
			}
			String captionProperty = STYLE.captionProperty("relationship." + type);
			Object caption = captionProperty == null || captionProperty.equals(":type") ? type : properties.getOrDefault(captionProperty, type);
			Map<String, Object> edge = new LinkedHashMap<>();
			// (the page numbers the edges it draws; the key tells one relationship from another)
			edge.put("key", key);
			edge.put("source", hop.get("from"));
			edge.put("target", hop.get("to"));
			edge.put("type", type);
			edge.put("label", String.valueOf(caption));
			edge.put("properties", properties);
			edge.put("sourceIds", hop.getOrDefault("sourceIds", List.of()));
			edge.put("quotes", hop.getOrDefault("quotes", List.of()));
			edges.put(key, edge);
		}
		return List.copyOf(edges.values());
	}

	/** JSON to put inside a script element: no {@code <} can close it early. */
	private static String json(Object value) {
		return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static final String CANVAS_STYLE = """
			<style>
			main { max-width: none; } .canvas-wrap { display: flex; gap: 12px; } #canvas { flex: 1; height: max(420px, calc(100vh - 290px)); border: 1px solid #c8d1da; border-radius: 4px; background: #fbfcfd; }
			#panel { width: 330px; height: max(420px, calc(100vh - 290px)); overflow: auto; font-size: 13px; contain: strict; } #panel h4 { margin: 4px 0; font-size: 15px; }
			#panel button, ul.drawn button { margin: 2px 2px 2px 0; font-size: 12px; } #panel ul { padding-left: 16px; margin: 4px 0; }
			ul.drawn { columns: 3; font-size: 12px; padding-left: 16px; content-visibility: auto; contain-intrinsic-size: auto 400px; } ul.drawn button { background: none; border: 0; color: #17324d; cursor: pointer; text-align: left; }
			ul.drawn button:hover { text-decoration: underline; } .note { color: #3d4f60; } .tools form { display: inline-block; margin: 4px 18px 0 0; }
			section.title p { margin: 4px 0; } section.network { padding-top: 10px; }
			.legend span { display: inline-block; margin-right: 10px; } .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 3px; }
			</style>
			""";

}
