package io.ipgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import io.ipgraph.model.PartialDates;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * FollowTheMoney (the entity format of OCCRP Aleph and OpenSanctions), out and in. Exported: companies
 * ({@code Company}), people ({@code Person}), authorities, courts and offices ({@code PublicBody}), trademark
 * registrations ({@code Asset}), ownership of registrations and of subsidiaries ({@code Ownership}),
 * employment ({@code Employment}), lawsuits ({@code CourtCase}) and their parties ({@code CourtCaseParty}),
 * partnerships ({@code UnknownLink}) and seizures ({@code Event}). Each entity keeps ipgraph's id and its
 * provenance: the cited sources' addresses in {@code sourceUrl} and their words in {@code notes} (in
 * {@code description} for links, whose schemata have no notes). Imported:
 * the same schemata that map back (Company and Organization, Person, PublicBody, CourtCase, CourtCaseParty,
 * Employment, Ownership between companies, UnknownLink partnerships), through the ordinary import, with the
 * FtM file as their source.
 */
@Service
public class FollowTheMoney {

	private final GraphStore store;

	private final GraphImporter importer;

	private final JsonMapper json = JsonMapper.builder().build();

	FollowTheMoney(GraphStore store, GraphImporter importer) {
		this.store = store;
		this.importer = importer;
	}

	/** Writes the graph as FtM entities, one JSON object per line; returns the number of entities per schema. */
	public Map<String, Long> export(Writer out) throws IOException {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, Map<String, Object>> sources = new HashMap<>();
		for (Record r : this.store.read("MATCH (s:Source) RETURN s {.*} AS s", Map.of())) {
			sources.put(r.get("s").get("id").asString(), r.get("s").asMap());
		}
		for (Record r : this.store.read("""
				MATCH (n) WHERE n:Company OR n:Person OR n:Authority OR n:Court OR n:Office OR n:Registration OR n:Lawsuit OR n:Seizure
				OPTIONAL MATCH (n)-[:HEARD_BY]->(court:Court)
				OPTIONAL MATCH (authority:Authority)-[:CONDUCTED]->(n)
				OPTIONAL MATCH (n)-[:SOLD_BY]->(seller)
				OPTIONAL MATCH (helper)-[:ASSISTED]->(n)
				RETURN labels(n)[0] AS label, n {.*} AS n, court.name AS court, collect(DISTINCT authority.id) AS organizers,
				       collect(DISTINCT seller.id) + collect(DISTINCT helper.id) AS involved ORDER BY n.id""", Map.of())) {
			Map<String, Object> n = r.get("n").asMap();
			Map<String, List<Object>> props = new LinkedHashMap<>();
			String schema = switch (r.get("label").asString()) {
				case "Company" -> {
					put(props, "name", n.get("name"));
					putAll(props, "alias", n.get("aliases"));
					put(props, "country", country(n.get("country")));
					put(props, "incorporationDate", n.get("foundedOn"));
					put(props, "website", n.get("website"));
					put(props, "description", n.get("description"));
					yield "Company";
				}
				case "Person" -> {
					put(props, "name", n.get("name"));
					putAll(props, "alias", n.get("aliases"));
					put(props, "nationality", country(n.get("nationality")));
					yield "Person";
				}
				case "Authority", "Court", "Office" -> {
					put(props, "name", n.get("name"));
					putAll(props, "alias", n.get("aliases"));
					put(props, "country", country(n.get("country")));
					yield "PublicBody";
				}
				case "Registration" -> {
					put(props, "name", (n.get("markText") == null ? "Trademark" : n.get("markText")) + " (" + n.get("office") + " " + n.get("number") + ")");
					put(props, "description", "Trademark registration " + n.get("office") + " " + n.get("number")
							+ (n.get("classes") == null ? "" : ", Nice classes " + n.get("classes"))
							+ (n.get("filedOn") == null ? "" : ", filed " + n.get("filedOn"))
							+ (n.get("registeredOn") == null ? "" : ", registered " + n.get("registeredOn"))
							+ (n.get("status") == null ? "" : ", " + n.get("status")));
					put(props, "country", country(n.get("jurisdiction")));
					yield "Asset";
				}
				case "Lawsuit" -> {
					put(props, "name", n.getOrDefault("title", n.get("caseNumber")));
					put(props, "caseNumber", n.get("caseNumber"));
					put(props, "fileDate", n.get("filedOn"));
					put(props, "status", n.get("status"));
					put(props, "court", r.get("court").asString(null));
					put(props, "country", country(n.get("jurisdiction")));
					yield "CourtCase";
				}
				default -> {
					put(props, "name", "Seizure" + (n.get("place") == null ? "" : " in " + n.get("place")));
					put(props, "date", n.get("date"));
					put(props, "location", n.get("place"));
					put(props, "country", country(n.get("country")));
					put(props, "summary", n.get("goods") == null ? null
							: (n.get("itemCount") == null ? "" : n.get("itemCount") + " items: ") + n.get("goods"));
					putAll(props, "organizer", r.get("organizers").asList(Value::asObject));
					putAll(props, "involved", r.get("involved").asList(Value::asObject));
					yield "Event";
				}
			};
			provenance(props, n, sources, "notes");
			write(out, (String) n.get("id"), schema, props);
			counts.merge(schema, 1L, Long::sum);
		}
		for (Record r : this.store.read("""
				MATCH (a)-[r:OWNS|SUBSIDIARY_OF|PARTNER_OF|PARTY_TO|WORKS_FOR]->(b)
				RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS r ORDER BY from, type, to""", Map.of())) {
			Map<String, Object> rel = r.get("r").asMap();
			String from = r.get("from").asString();
			String to = r.get("to").asString();
			Map<String, List<Object>> props = new LinkedHashMap<>();
			String schema = switch (r.get("type").asString()) {
				case "OWNS" -> {
					put(props, "owner", from);
					put(props, "asset", to);
					put(props, "role", "trademark owner");
					put(props, "startDate", rel.get("from"));
					put(props, "endDate", rel.get("to"));
					yield "Ownership";
				}
				case "SUBSIDIARY_OF" -> {
					put(props, "owner", to);
					put(props, "asset", from);
					put(props, "role", "parent company");
					yield "Ownership";
				}
				case "PARTNER_OF" -> {
					put(props, "subject", from);
					put(props, "object", to);
					put(props, "role", "partner" + (rel.get("region") == null ? "" : " (" + rel.get("region") + ")"));
					put(props, "startDate", rel.get("since"));
					put(props, "endDate", rel.get("until"));
					yield "UnknownLink";
				}
				case "PARTY_TO" -> {
					put(props, "party", from);
					put(props, "case", to);
					put(props, "role", rel.get("role"));
					yield "CourtCaseParty";
				}
				default -> {
					put(props, "employee", from);
					put(props, "employer", to);
					put(props, "role", rel.get("title"));
					put(props, "startDate", rel.get("since"));
					yield "Employment";
				}
			};
			// Interest schemata have no notes: the citations go in their description
			provenance(props, rel, sources, "description");
			write(out, "ipgraph-" + digest(from + "|" + r.get("type").asString() + "|" + to + "|" + rel.get("importKey")), schema, props);
			counts.merge(schema, 1L, Long::sum);
		}
		out.flush();
		return counts;
	}

	/** What an FtM import read: the ipgraph import's summary, and the entities of schemata that do not map. */
	public record FtmImported(ImportSummary summary, Map<String, Long> skipped) {
	}

	/**
	 * Reads FtM entities (JSON Lines) and imports those that map onto the graph, citing the file as their source.
	 * Relationship entities may come before or after the entities they link.
	 */
	public FtmImported importFtm(String name, InputStream input, boolean dryRun, Consumer<GraphImporter.Progress> progress)
			throws IOException {
		return importFtm(name, input, -1, dryRun, progress);
	}

	/**
	 * As {@link #importFtm(String, InputStream, boolean, Consumer)}, the entities handed to the importer as lines as
	 * they are read ({@code totalBytes}, or -1, only for progress); the links, which may come before their ends, after
	 * the entities.
	 */
	public FtmImported importFtm(String name, InputStream input, long totalBytes, boolean dryRun, Consumer<GraphImporter.Progress> progress)
			throws IOException {
		Map<String, Long> skipped = new LinkedHashMap<>();
		String source = "src:ftm-" + digest(name);
		BoundedInput.Counted counted = BoundedInput.counting(input);
		ImportSummary summary = this.importer.importLines(name, dryRun, counted::count, totalBytes, progress, out -> {
			List<String> links = new ArrayList<>();
			long[] next = { 1 };
			try (BoundedInput.Lines reader = new BoundedInput.Lines(new InputStreamReader(counted, StandardCharsets.UTF_8),
					this.importer.limits().maxLine().toBytes())) {
				out.accept(new NodeLine(next[0]++, "Source", source, Map.of("title", "FollowTheMoney file " + name, "kind", "ftm-file", "file", name),
						List.of()));
				String text;
				long number = 0;
				while ((text = reader.readLine()) != null) {
					number++;
					if (text.isBlank()) {
						continue;
					}
					JsonNode entity;
					try {
						entity = this.json.readTree(text);
					}
					catch (JacksonException ex) {
						skipped.merge("not JSON (line " + number + ")", 1L, Long::sum);
						continue;
					}
					String id = entity.path("id").asString("");
					String schema = entity.path("schema").asString("");
					JsonNode p = entity.path("properties");
					List<Citation> cite = List.of(new Citation(source, "FtM " + schema + " " + id + ", line " + number));
					String label = switch (schema) {
						case "Company", "Organization", "LegalEntity" -> "Company";
						case "Person" -> "Person";
						case "PublicBody" -> "Authority";
						case "CourtCase" -> "Lawsuit";
						default -> null;
					};
					if (label != null && !id.isEmpty()) {
						Map<String, Object> props = new LinkedHashMap<>();
						switch (label) {
							case "Lawsuit" -> {
								props.put("title", first(p, "name"));
								props.put("caseNumber", first(p, "caseNumber"));
								props.put("filedOn", first(p, "fileDate"));
								props.put("status", first(p, "status"));
							}
							default -> {
								props.put("name", first(p, "name"));
								props.put("aliases", all(p, "alias"));
								String country = first(p, label.equals("Person") ? "nationality" : "country");
								props.put(label.equals("Person") ? "nationality" : "country", country == null ? null : country.toUpperCase(Locale.ROOT));
								if (label.equals("Company")) {
									props.put("foundedOn", first(p, "incorporationDate"));
									props.put("website", first(p, "website"));
									props.put("description", first(p, "description"));
								}
							}
						}
						props.values().removeIf(v -> v == null);
						out.accept(new NodeLine(next[0]++, label, id, props, cite));
					}
					else if (Set.of("CourtCaseParty", "Employment", "Ownership", "UnknownLink").contains(schema)) {
						links.add(text + "\n" + number);
					}
					else {
						skipped.merge(schema.isEmpty() ? "no schema" : schema, 1L, Long::sum);
					}
				}
				// relationships last, so that both ends are in the file before them
				for (String entry : links) {
					int cut = entry.lastIndexOf('\n');
					JsonNode entity = this.json.readTree(entry.substring(0, cut));
					String schema = entity.path("schema").asString("");
					JsonNode p = entity.path("properties");
					List<Citation> cite = List.of(new Citation(source,
							"FtM " + schema + " " + entity.path("id").asString("") + ", line " + entry.substring(cut + 1)));
					Map<String, Object> props = new LinkedHashMap<>();
					String type;
					String from;
					String to;
					switch (schema) {
						case "CourtCaseParty" -> {
							type = "PARTY_TO";
							from = first(p, "party");
							to = first(p, "case");
							props.put("role", first(p, "role"));
						}
						case "Employment" -> {
							type = "WORKS_FOR";
							from = first(p, "employee");
							to = first(p, "employer");
							props.put("title", first(p, "role"));
							props.put("since", first(p, "startDate"));
						}
						case "UnknownLink" -> {
							type = "PARTNER_OF";
							from = first(p, "subject");
							to = first(p, "object");
							props.put("since", first(p, "startDate"));
							props.put("until", first(p, "endDate"));
						}
						default -> {
							// ownership of a company: the asset is the subsidiary of its owner
							type = "SUBSIDIARY_OF";
							from = first(p, "asset");
							to = first(p, "owner");
						}
					}
					props.values().removeIf(v -> v == null);
					if (from == null || to == null) {
						skipped.merge(schema + " without both ends", 1L, Long::sum);
						continue;
					}
					out.accept(new RelationshipLine(next[0]++, type, from, to, null, props, cite));
				}
			}
		});
		return new FtmImported(summary, skipped);
	}

	private void write(Writer out, String id, String schema, Map<String, List<Object>> props) throws IOException {
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("id", id);
		entity.put("schema", schema);
		entity.put("properties", props);
		out.write(this.json.writeValueAsString(entity));
		out.write('\n');
	}

	/** The cited sources: their addresses in {@code sourceUrl}, and "title: quote" in {@code notes}. */
	private static void provenance(Map<String, List<Object>> props, Map<String, Object> item, Map<String, Map<String, Object>> sources,
			String into) {
		List<?> ids = item.get("sourceIds") instanceof List<?> l ? l : List.of();
		List<?> quotes = item.get("quotes") instanceof List<?> l ? l : List.of();
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> source = sources.getOrDefault(String.valueOf(ids.get(i)), Map.of());
			put(props, "sourceUrl", source.get("url"));
			String quote = i < quotes.size() ? String.valueOf(quotes.get(i)) : "";
			put(props, into, source.getOrDefault("title", ids.get(i)) + (quote.isEmpty() ? "" : ": " + quote));
		}
	}

	private static void put(Map<String, List<Object>> props, String key, Object value) {
		// FollowTheMoney dates are ISO prefixes: a date known only as a bound (..2010) has no form there and is left out
		if ((key.equals("date") || key.endsWith("Date")) && value instanceof String d && PartialDates.bounded(d)) {
			return;
		}
		if (value != null && !(value instanceof String s && s.isBlank())) {
			List<Object> values = props.computeIfAbsent(key, k -> new ArrayList<>());
			if (!values.contains(value)) {
				values.add(value instanceof String ? value : String.valueOf(value));
			}
		}
	}

	private static void putAll(Map<String, List<Object>> props, String key, Object values) {
		if (values instanceof List<?> list) {
			list.forEach(v -> put(props, key, v));
		}
	}

	/** An ISO 3166-1 country as FtM writes it (lower case); regional codes such as EM have no FtM country. */
	private static String country(Object code) {
		if (code instanceof String c && Set.of(Locale.getISOCountries()).contains(c)) {
			return c.toLowerCase(Locale.ROOT);
		}
		return null;
	}

	private static String first(JsonNode props, String key) {
		JsonNode values = props.path(key);
		return values.isArray() && !values.isEmpty() ? values.get(0).asString() : null;
	}

	private static List<String> all(JsonNode props, String key) {
		List<String> out = new ArrayList<>();
		props.path(key).values().forEach(v -> out.add(v.asString()));
		return out;
	}

	private static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
