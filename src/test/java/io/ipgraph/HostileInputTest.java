package io.ipgraph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.ipgraph.store.GraphStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests (jqwik) of bad input against the running application, over HTTP: random and hostile values
 * (Cypher-injection strings, huge strings, control characters, lone surrogates, out-of-range numbers and dates) for
 * every argument of every query and mutation of the schema, and for the fields of import lines. Every case ends in
 * an answer or a classified error, never a 500, never an internal error, never a stack trace; rejected input changes
 * no count in the graph; an import writes exactly what it says it created. The application runs once for the class,
 * with its own database.
 */
class HostileInputTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static ConfigurableApplicationContext app;

	private static String port;

	private static GraphQLSchema schema;

	private static GraphStore store;

	@BeforeContainer
	static void start() throws Exception {
		Path dir = Files.createTempDirectory("ipgraph-hostile");
		app = new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0", "--ipgraph.embedded.bolt-port=0",
				"--ipgraph.embedded.page-cache=32m", "--ipgraph.embedded.data-dir=" + dir.resolve("neo4j"), "--logging.level.root=warn");
		port = app.getEnvironment().getProperty("local.server.port");
		schema = app.getBean(GraphQlSource.class).schema();
		store = app.getBean(GraphStore.class);
	}

	@AfterContainer
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Provide
	Arbitrary<String> hostile() {
		return Arbitraries.oneOf(
				Arbitraries.of("' OR 1=1 //", "\"}) MATCH (n) DETACH DELETE n //", "company:amazon'}) RETURN n UNION MATCH (m) RETURN m //",
						"`) DETACH DELETE n //", "$seeRestricted", "${jndi:ldap://x}", "\u0000", "\uD800", "\uDFFF\uD800", "\u202Eevil",
						"", " ", "\t\r\n", "%00", "../../etc/passwd", "<script>alert(1)</script>", "😀🔥", "Ａｍａｚｏｎ", "亚马逊", "*", "?", "~",
						"\\", "\"", "AND OR NOT", "foo:bar", "(((", "]]]", "2008-02-30", "0000", "9999-99-99", "-1", "1e309"),
				Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withChars("'\"`\\{}()[]$:;/*-").ofMaxLength(20),
				Arbitraries.strings().alpha().ofMinLength(100_000).ofMaxLength(120_000));
	}

	@Provide
	Arbitrary<Long> numbers() {
		return Arbitraries.oneOf(Arbitraries.of(0L, -1L, 1L, 45L, 46L, 101L, 1001L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, Long.MAX_VALUE),
				Arbitraries.longs());
	}

	@Property(tries = 30)
	void everyQueryArgumentGetsAnAnswerOrAClearError(@ForAll("hostile") String text, @ForAll("numbers") long number, @ForAll long seed) throws Exception {
		callEvery(schema.getQueryType(), "query", "analyst", text, number, seed);
	}

	@Property(tries = 20)
	void hostileMutationsChangeNothingTheyDoNotReport(@ForAll("hostile") String text, @ForAll("numbers") long number, @ForAll long seed) throws Exception {
		Map<String, Long> before = counts();
		List<JsonNode> answers = callEvery(schema.getMutationType(), "mutation", "editor", text, number, seed);
		boolean wrote = answers.stream().anyMatch(a -> a.path("errors").isEmpty() || a.path("errors").isMissingNode());
		if (!wrote) {
			assertThat(counts()).as("refused mutations leave the graph as it was").isEqualTo(before);
		}
	}

	@Property(tries = 40)
	void hostileImportLinesAreRejectedWholeOrWrittenWhole(@ForAll("hostile") String text, @ForAll("numbers") long number, @ForAll long seed)
			throws Exception {
		Random random = new Random(seed);
		String id = "company:hostile-" + Long.toUnsignedString(seed, 36);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("name", random.nextBoolean() ? text : "Hostile " + seed);
		properties.put("aliases", List.of(text));
		properties.put("country", random.nextBoolean() ? text : "CN");
		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("office", "CTMO");
		registration.put("number", random.nextBoolean() ? text : Long.toString(Math.abs(number % 100_000_000)));
		registration.put("jurisdiction", "CN");
		registration.put("markText", text);
		registration.put("classes", List.of(number));
		registration.put("filedOn", random.nextBoolean() ? text : "2008-02-07");
		String registrationId = "CTMO:" + registration.get("number");
		List<Map<String, Object>> lines = List.of(
				Map.of("kind", "node", "label", "Source", "id", "src:hostile", "properties", Map.of("title", "Hostile input", "kind", "analyst-note")),
				Map.of("kind", "node", "label", "Company", "id", random.nextInt(4) == 0 ? text : id, "properties", properties, "sources",
						List.of(Map.of("id", "src:hostile", "quote", text))),
				Map.of("kind", "node", "label", "Registration", "id", registrationId, "properties", registration, "sources",
						List.of(Map.of("id", "src:hostile"))),
				Map.of("kind", "relationship", "type", "OWNS", "from", id, "to", registrationId, "properties", Map.of("from", text), "sources",
						List.of(Map.of("id", "src:hostile"))));
		StringBuilder body = new StringBuilder();
		for (Map<String, Object> line : lines) {
			body.append(JSON.writeValueAsString(line)).append('\n');
		}
		long nodesBefore = counts().get("nodes");
		long relationshipsBefore = counts().get("relationships");
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import"))
			.header("Authorization", GraphQlClient.basic("editor"))
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode summary = JSON.readTree(response.body());
		long created = summary.get("created").asLong();
		Map<String, Long> after = counts();
		long createdNodes = 0;
		long createdRelationships = 0;
		for (JsonNode kind : summary.get("kinds")) {
			if (kind.get("kind").asString().equals("OWNS")) {
				createdRelationships += kind.get("created").asLong();
			}
			else {
				createdNodes += kind.get("created").asLong();
			}
		}
		assertThat(createdNodes + createdRelationships).isEqualTo(created);
		assertThat(after.get("nodes") - nodesBefore).as(response.body()).isEqualTo(createdNodes);
		assertThat(after.get("relationships") - relationshipsBefore).as(response.body()).isEqualTo(createdRelationships);
		for (JsonNode rejection : summary.get("rejections")) {
			assertThat(rejection.get("reason").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("at io.");
		}
	}

	/** Calls every field of the root type once, with arguments drawn from the value; returns the answers. */
	private static List<JsonNode> callEvery(GraphQLObjectType root, String operation, String user, String text, long number, long seed)
			throws Exception {
		Random random = new Random(seed);
		List<JsonNode> answers = new ArrayList<>();
		for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
			Map<String, Object> variables = new LinkedHashMap<>();
			List<String> declarations = new ArrayList<>();
			List<String> arguments = new ArrayList<>();
			for (GraphQLArgument argument : field.getArguments()) {
				if (!GraphQLTypeUtil.isNonNull(argument.getType()) && random.nextInt(3) == 0) {
					continue;
				}
				variables.put(argument.getName(), value(argument.getType(), text, number, random, 0));
				declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
				arguments.add(argument.getName() + ": $" + argument.getName());
			}
			boolean scalar = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLScalarType
					|| GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLEnumType;
			String document = operation + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")") + " { " + field.getName()
					+ (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + (scalar ? "" : " { __typename }") + " }";
			answers.add(post(user, document, variables));
		}
		return answers;
	}

	private static JsonNode post(String user, String document, Map<String, Object> variables) throws Exception {
		String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", GraphQlClient.basic(user))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String what = document + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body) + " -> " + response.statusCode() + " "
				+ (response.body().length() > 600 ? response.body().substring(0, 600) : response.body());
		assertThat(response.statusCode()).as(what).isIn(200, 400, 413);
		assertThat(response.body()).as(what).doesNotContain("INTERNAL_ERROR").doesNotContain("Exception").doesNotContain("\tat ");
		JsonNode answer = JSON.readTree(response.body());
		for (JsonNode error : answer.path("errors")) {
			assertThat(error.path("message").asString("")).as(what).isNotBlank();
		}
		return answer;
	}

	private static Object value(GraphQLInputType type, String text, long number, Random random, int depth) {
		if (type instanceof GraphQLNonNull nonNull) {
			return value((GraphQLInputType) nonNull.getWrappedType(), text, number, random, depth);
		}
		if (type instanceof GraphQLList list) {
			List<Object> items = new ArrayList<>();
			int size = random.nextInt(4);
			for (int i = 0; i < size; i++) {
				items.add(value((GraphQLInputType) list.getWrappedType(), text, number, random, depth + 1));
			}
			return items;
		}
		if (type instanceof GraphQLEnumType enumeration) {
			return enumeration.getValues().get(random.nextInt(enumeration.getValues().size())).getName();
		}
		if (type instanceof GraphQLInputObjectType object) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				// filters nest (AND, OR, relationship filters): a few levels are enough
				if (GraphQLTypeUtil.isNonNull(field.getType()) || (depth < 3 && random.nextInt(4) == 0)) {
					fields.put(field.getName(), value(field.getType(), text, number, random, depth + 1));
				}
			}
			return fields;
		}
		return switch (((GraphQLScalarType) type).getName()) {
			case "Int" -> random.nextBoolean() ? number : (long) (int) number;
			case "Float" -> random.nextBoolean() ? (double) number : Double.MAX_VALUE;
			case "Boolean" -> random.nextBoolean();
			case "ID" -> random.nextBoolean() ? text : "company:amazon";
			default -> text;
		};
	}

	private static Map<String, Long> counts() {
		var r = store.read("CALL () { MATCH (n) WHERE NOT n:Change RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }"
				+ " RETURN nodes, relationships", Map.of()).getFirst();
		return Map.of("nodes", r.get("nodes").asLong(), "relationships", r.get("relationships").asLong());
	}

}
