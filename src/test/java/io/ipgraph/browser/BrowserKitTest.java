package io.ipgraph.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Neo4j Browser kit of {@code cypher/browser} against the seed, through the driver: every saved query and
 * every runnable query of the guide runs and returns rows, and names only labels, relationship types and
 * properties that {@code cypher/schema.cypher} documents; the style styles documented labels and types; the
 * application serves the kit and tells the embedded server's Browser clients to apply and play it.
 */
@IpgraphTest
class BrowserKitTest {

	private static final Path KIT = Path.of("cypher/browser");

	private static final Pattern PARAM = Pattern.compile("^:param\\s+(\\w+)\\s*=>\\s*(.+?);\\s*$");

	@Autowired
	Driver driver;

	@LocalServerPort
	int port;

	/** A saved query: its title (first line), its parameters with their defaults, and the Cypher. */
	record SavedQuery(String file, String title, Map<String, String> params, String cypher) {
	}

	static List<SavedQuery> savedQueries() throws IOException {
		List<SavedQuery> queries = new ArrayList<>();
		try (Stream<Path> files = Files.list(KIT.resolve("queries"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".cypher")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				String title = lines.getFirst().startsWith("// ") ? lines.getFirst().substring(3).strip() : "";
				Map<String, String> params = new LinkedHashMap<>();
				StringBuilder cypher = new StringBuilder();
				for (String line : lines.subList(1, lines.size())) {
					Matcher param = PARAM.matcher(line);
					if (param.matches()) {
						params.put(param.group(1), param.group(2));
					}
					else if (!line.strip().startsWith("//")) {
						cypher.append(line).append('\n');
					}
				}
				queries.add(new SavedQuery(file.getFileName().toString(), title, params, cypher.toString().strip()));
			}
		}
		return queries;
	}

	static List<String> guideQueries() throws IOException {
		String html = Files.readString(KIT.resolve("ipgraph.html"), StandardCharsets.UTF_8);
		Matcher pre = Pattern.compile("<pre class=\"code runnable\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
		List<String> queries = new ArrayList<>();
		while (pre.find()) {
			queries.add(pre.group(1)
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&amp;", "&")
				.strip());
		}
		return queries;
	}

	@Test
	void everySavedQueryHasATitleDefaultsForItsParametersAndReturnsRowsOnTheSeed() throws IOException {
		List<SavedQuery> queries = savedQueries();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
		for (SavedQuery query : queries) {
			assertThat(query.title()).as("title comment on the first line of %s", query.file()).isNotBlank();
			Set<String> used = parametersUsed(query.cypher());
			assertThat(query.params().keySet()).as("parameters declared with :param in %s", query.file())
				.containsExactlyInAnyOrderElementsOf(used);
			Map<String, Object> params = new LinkedHashMap<>();
			query.params().forEach((name, literal) -> params.put(name, evaluate(literal)));
			List<Record> rows = run(query.cypher(), params);
			assertThat(rows).as("rows of %s on the seed", query.file()).isNotEmpty();
		}
	}

	@Test
	void everyRunnableQueryOfTheGuideReturnsRowsOnTheSeed() throws IOException {
		List<String> queries = guideQueries();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
		for (String cypher : queries) {
			assertThat(parametersUsed(cypher)).as("the guide's queries run with one click: no parameters in%n%s", cypher)
				.isEmpty();
			assertThat(run(cypher, Map.of())).as("rows of the guide's query%n%s", cypher).isNotEmpty();
		}
	}

	@Test
	void queriesNameOnlyDocumentedLabelsTypesAndProperties() throws IOException {
		Schema schema = Schema.read(Path.of("cypher/schema.cypher"));
		List<String> queries = new ArrayList<>(guideQueries());
		savedQueries().forEach(q -> queries.add(q.cypher()));
		for (String cypher : queries) {
			Names names = Names.of(cypher);
			assertThat(schema.labels()).as("labels of%n%s", cypher).containsAll(names.labels());
			assertThat(schema.types()).as("relationship types of%n%s", cypher).containsAll(names.types());
			assertThat(schema.properties()).as("properties of%n%s", cypher).containsAll(names.properties());
		}
	}

	@Test
	void styleColoursAndCaptionsDocumentedLabelsAndTypes() throws IOException {
		Schema schema = Schema.read(Path.of("cypher/schema.cypher"));
		String grass = Files.readString(KIT.resolve("ipgraph.grass"), StandardCharsets.UTF_8);
		Matcher rule = Pattern.compile("(node|relationship)\\.(\\w+)\\s*\\{((?:[^{}]|\\{\\w+})*)}").matcher(grass);
		Set<String> styledLabels = new LinkedHashSet<>();
		while (rule.find()) {
			if (rule.group(1).equals("node")) {
				styledLabels.add(rule.group(2));
				assertThat(rule.group(2)).isIn(schema.labels());
				assertThat(rule.group(3)).contains("color:").contains("caption:");
				Matcher caption = Pattern.compile("caption:\\s*\"\\{(\\w+)}\"").matcher(rule.group(3));
				assertThat(caption.find()).as("caption of %s", rule.group(2)).isTrue();
				assertThat(caption.group(1)).isIn(schema.properties());
			}
			else {
				assertThat(rule.group(2)).isIn(schema.types());
			}
		}
		assertThat(styledLabels).containsAll(schema.labels().stream().filter(l -> !l.equals("IpgraphMigration")).toList());
	}

	@Test
	void guideStyleAndQueriesAreServedAndTheEmbeddedServerTellsTheBrowserToUseThem() throws Exception {
		String base = "http://localhost:" + this.port + "/browser-guide/";
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> guide = http.send(HttpRequest.newBuilder(URI.create(base + "ipgraph.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("<slide").contains("<pre class=\"code runnable\">");
		HttpResponse<String> grass = http.send(HttpRequest.newBuilder(URI.create(base + "ipgraph.grass"))
			.header("Origin", "http://elsewhere.example")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(grass.statusCode()).isEqualTo(200);
		assertThat(grass.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
		assertThat(grass.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "queries/02-trace-a-foreign-firm.cypher")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "../cypher/seed/001_seed_cases.cypher")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isNotEqualTo(200);

		HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(base + "ipgraph-queries.zip")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.statusCode()).isEqualTo(200);
		List<String> entries = new ArrayList<>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.add(entry.getName());
			}
		}
		assertThat(entries).as("the favorites archive: every saved query in the folder ipgraph")
			.containsExactlyElementsOf(savedQueries().stream().map(q -> "ipgraph/" + q.file()).toList());

		Map<String, String> config = new LinkedHashMap<>();
		this.driver.executableQuery("CALL dbms.clientConfig()").execute().records()
			.forEach(r -> config.put(r.get("name").asString(), r.get("value").asString()));
		assertThat(config.get("browser.post_connect_cmd"))
			.isEqualTo("style " + base + "ipgraph.grass; play " + base + "ipgraph.html");
		assertThat(config.get("browser.remote_content_hostname_whitelist").split(",")).contains("localhost", "127.0.0.1");
	}

	private List<Record> run(String cypher, Map<String, Object> params) {
		return this.driver.executableQuery(cypher).withParameters(params).execute().records();
	}

	private Object evaluate(String literal) {
		return this.driver.executableQuery("RETURN " + literal + " AS value").execute().records().getFirst().get("value")
			.asObject();
	}

	private static Set<String> parametersUsed(String cypher) {
		Matcher m = Pattern.compile("\\$(\\w+)").matcher(withoutStrings(cypher));
		Set<String> names = new LinkedHashSet<>();
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	static String withoutStrings(String cypher) {
		return cypher.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
	}

	/** The labels, relationship types and property names a query mentions. */
	record Names(Set<String> labels, Set<String> types, Set<String> properties) {

		private static final Set<String> NAMESPACES = Set.of("db", "dbms", "apoc", "gds", "genai");

		static Names of(String cypher) {
			String text = withoutStrings(cypher);
			Set<String> labels = new LinkedHashSet<>();
			Set<String> types = new LinkedHashSet<>();
			Matcher name = Pattern.compile(":\\s*([A-Za-z_]\\w*(?:\\s*[|&]\\s*!?[A-Za-z_]\\w*)*)").matcher(text);
			while (name.find()) {
				for (String n : name.group(1).split("\\s*[|&]\\s*!?")) {
					if (n.matches("[A-Z][A-Z0-9_]*") && n.length() > 1) {
						types.add(n);
					}
					else if (Character.isUpperCase(n.charAt(0))) {
						labels.add(n);
					}
				}
			}
			Set<String> properties = new LinkedHashSet<>();
			Matcher access = Pattern.compile("(?:(?<![.\\w])([a-z]\\w*)|\\))\\.([A-Za-z]\\w*)").matcher(text);
			while (access.find()) {
				if (access.group(1) == null || !NAMESPACES.contains(access.group(1))) {
					properties.add(access.group(2));
				}
			}
			Matcher patternMap = Pattern.compile("[(\\[]\\s*\\w*\\s*(?::\\s*[\\w|&!]+\\s*)?\\{([^{}]*)}").matcher(text);
			while (patternMap.find()) {
				Matcher key = Pattern.compile("(\\w+)\\s*:").matcher(patternMap.group(1));
				while (key.find()) {
					properties.add(key.group(1));
				}
			}
			return new Names(labels, types, properties);
		}

	}

	/** What {@code cypher/schema.cypher} documents: node labels and their properties, relationship types and theirs. */
	record Schema(Set<String> labels, Set<String> types, Set<String> properties) {

		static Schema read(Path file) throws IOException {
			String doc = Files.readString(file, StandardCharsets.UTF_8);
			String nodes = doc.substring(doc.indexOf("// ---- Nodes"), doc.indexOf("// ---- Relationships"));
			String relationships = doc.substring(doc.indexOf("// ---- Relationships"), doc.indexOf("// ---- Constraints"));
			Set<String> labels = new LinkedHashSet<>(List.of("IpgraphMigration"));
			Set<String> properties = new LinkedHashSet<>(List.of("sourceIds", "quotes", "nameKeys"));
			Map<String, StringBuilder> entries = new LinkedHashMap<>();
			String current = null;
			for (String line : nodes.lines().toList()) {
				Matcher entry = Pattern.compile("^// ([A-Z]\\w+)\\s+(.*)$").matcher(line);
				if (entry.matches()) {
					current = entry.group(1);
					entries.put(current, new StringBuilder(entry.group(2)));
				}
				else if (current != null && line.matches("^//\\s{10,}\\S.*")) {
					entries.get(current).append(' ').append(line.substring(2).strip());
				}
				else {
					current = null;
				}
			}
			entries.forEach((label, list) -> {
				labels.add(label);
				for (String item : list.toString().replaceAll("\\([^)]*\\)", "").split(",")) {
					Matcher property = Pattern.compile("^\\s*([a-z]\\w*)").matcher(item);
					if (property.find()) {
						properties.add(property.group(1));
					}
				}
			});
			Set<String> types = new LinkedHashSet<>();
			for (String line : relationships.lines().filter(l -> l.startsWith("// (:")).toList()) {
				Matcher type = Pattern.compile("-\\[:([A-Z_]+)(?:\\s*\\{([^}]*)})?]").matcher(line);
				while (type.find()) {
					types.add(type.group(1));
					if (type.group(2) != null) {
						for (String p : type.group(2).split(",")) {
							properties.add(p.strip());
						}
					}
				}
			}
			return new Schema(labels, types, properties);
		}

	}

}
