package io.ipgraph.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import io.ipgraph.GraphQlClient;
import io.ipgraph.GraphQlHttpTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path the API offers, walked as an analyst on a graph that holds a restricted and a retracted company
 * next to a visible one: every field of the Query type (read from the running schema, each with every field of its
 * answer two levels deep), called with the visible company, with the hidden ones' ids and with their names as text;
 * every GET endpoint of the application (the reports in each format). No answer may name a hidden entity. A query
 * field or an endpoint this test does not know how to call fails it, so a new read path cannot be added without
 * being walked here. The same walk as an editor must find the restricted company (or the data would prove nothing).
 */
class VisibilityTest extends GraphQlHttpTest {

	private static final String FILE = """
			{"kind":"node","label":"Source","id":"src:vis-test","properties":{"title":"Register extract (visibility test)","kind":"registry-record"}}
			{"kind":"node","label":"Company","id":"company:vis-visible","properties":{"name":"Plainfield Trading Co.","aliases":["Plainfield"],"country":"CN"},"sources":[{"id":"src:vis-test","quote":"row 1"}]}
			{"kind":"node","label":"Company","id":"company:vis-restricted","properties":{"name":"Zorblax Hidden Holdings","aliases":["Zorblax Holdings"],"country":"CN"},"sources":[{"id":"src:vis-test","quote":"row 2"}]}
			{"kind":"node","label":"Company","id":"company:vis-retracted","properties":{"name":"Quibbleton Retracted Ltd","aliases":["Quibbleton"],"country":"CN"},"sources":[{"id":"src:vis-test","quote":"row 3"}]}
			{"kind":"node","label":"Company","id":"company:vis-far","properties":{"name":"Farholm Industries","country":"CN"},"sources":[{"id":"src:vis-test","quote":"row 4"}]}
			{"kind":"node","label":"Registration","id":"CTMO:88001234","properties":{"office":"CTMO","number":"88001234","jurisdiction":"CN","markText":"PLAINFIELD","classes":[25],"filedOn":"2006-04","status":"registered"},"sources":[{"id":"src:vis-test","quote":"row 5"}]}
			{"kind":"relationship","type":"PARTNER_OF","from":"company:vis-visible","to":"company:vis-restricted","properties":{"region":"Shenzhen"},"sources":[{"id":"src:vis-test","quote":"row 6"}]}
			{"kind":"relationship","type":"PARTNER_OF","from":"company:vis-restricted","to":"company:vis-far","properties":{"region":"Shenzhen"},"sources":[{"id":"src:vis-test","quote":"row 7"}]}
			{"kind":"relationship","type":"PARTNER_OF","from":"company:vis-visible","to":"company:vis-retracted","properties":{"region":"Shenzhen"},"sources":[{"id":"src:vis-test","quote":"row 8"}]}
			{"kind":"relationship","type":"PARTNER_OF","from":"company:vis-retracted","to":"company:vis-far","properties":{"region":"Shenzhen"},"sources":[{"id":"src:vis-test","quote":"row 9"}]}
			{"kind":"relationship","type":"OWNS","from":"company:vis-restricted","to":"CTMO:88001234","sources":[{"id":"src:vis-test","quote":"row 10"}]}
			{"kind":"relationship","type":"OWNS","from":"company:vis-retracted","to":"CTMO:88001234","sources":[{"id":"src:vis-test","quote":"row 11"}]}
			""";

	private static final String VISIBLE = "company:vis-visible";

	private static final List<String> HIDDEN_IDS = List.of("company:vis-restricted", "company:vis-retracted");

	/** What no answer to an analyst may contain. */
	private static final List<String> HIDDEN_NAMES = List.of("vis-restricted", "vis-retracted", "Zorblax Hidden", "Zorblax Holdings",
			"Quibbleton");

	/** GET endpoints that read no graph data (static files, the example documents, the probe). */
	private static final Set<String> NOT_GRAPH_READS = Set.of("/graphiql/examples", "/browser", "/browser/",
			"/browser-guide/ipgraph-queries.zip", "/error");

	@Autowired
	GraphStore store;

	@Autowired
	GraphQlSource graphQl;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** The shared test database serves other tests after this one: none of its entities stay. */
	@AfterEach
	void forget() {
		this.store.write("""
				MATCH (n) WHERE n.id STARTS WITH 'company:vis-' OR n.id = 'src:vis-test' OR n.id = 'CTMO:88001234'
				   OR (n:Change AND n.entityId STARTS WITH 'company:vis-')
				DETACH DELETE n""", Map.of());
	}

	@BeforeEach
	void hiddenEntitiesBesideAVisibleOne() {
		forget();
		GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=visibility-test.jsonl")
			.contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(FILE).exchange().expectStatus().isOk();
		as("editor").document("mutation { restrictEntity(id: \"company:vis-restricted\", version: 0, restricted: true, reason: \"source protection\") { version } }")
			.execute().path("restrictEntity.version").entity(Integer.class).isEqualTo(1);
		as("editor").document("mutation { retractEntity(id: \"company:vis-retracted\", version: 0, reason: \"wrong record\") { version } }")
			.execute().path("retractEntity.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void noReadPathNamesARestrictedOrRetractedEntityToAnAnalyst() {
		Map<String, String> answers = walk("analyst", true);
		assertThat(answers).as("query fields walked").hasSizeGreaterThan(20);
		answers.forEach((call, answer) -> {
			for (String hidden : HIDDEN_NAMES) {
				// an error may repeat the id or text the caller gave ("No entity with id '...'"); nothing else may
				String checked = call.contains(hidden) ? answer.replaceAll("\"message\":\"[^\"]*\"", "\"message\":\"\"") : answer;
				assertThat(checked).as("%s answered to an analyst", call).doesNotContain(hidden);
			}
		});
		// the data proves something: the same walk as an editor finds the restricted company (never the retracted one)
		Map<String, String> editor = walk("editor", false);
		assertThat(editor.entrySet().stream().filter(e -> !e.getKey().contains("vis-restricted") && e.getValue().contains("Zorblax Hidden")))
			.as("answers to an editor naming the restricted company").isNotEmpty();
		// retracted entities are hidden from editors too, but in the audit trail (which holds what an editor withdrew)
		assertThat(editor.entrySet().stream().filter(e -> !e.getKey().startsWith("{ changes") && !e.getKey().startsWith("{ retracted") && e.getValue().contains("Quibbleton Retracted")))
			.as("answers to an editor naming the retracted company").isEmpty();
	}

	/** The workspace's pages, walked below. */
	private static final List<String> WORKSPACE = List.of("/search", "/entity/{id}", "/check/conflicts", "/check/squatting", "/alerts",
			"/entity/{id}/network", "/api/network/kinds", "/api/network/sources", "/import");

	@Test
	void everyGetEndpointIsWalked() {
		Set<String> unknown = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			boolean get = info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
			if (get) {
				for (String pattern : info.getPatternValues()) {
					if (!NOT_GRAPH_READS.contains(pattern) && !pattern.equals("/api/reports/{id}") && !pattern.startsWith("/graphql")
							&& !pattern.equals("/graphiql") && !pattern.equals("/") && !pattern.equals("/api/overview") && !WORKSPACE.contains(pattern)) {
						unknown.add(pattern);
					}
				}
			}
		});
		assertThat(unknown).as("GET endpoints this test does not walk: add them to it").isEmpty();
		for (String format : List.of("html", "md")) {
			String report = GraphQlClient.http(this.port, "analyst").get().uri("/api/reports/" + VISIBLE + "?format=" + format + "&hops=3").exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
			assertThat(report).contains("Plainfield");
			HIDDEN_NAMES.forEach(hidden -> assertThat(report).as("report (%s)", format).doesNotContain(hidden));
		}
		// the workspace's pages: search, the visible company's page (its links), the checks; the hidden ones' pages are not there
		for (String page : List.of("/search?q=Zorblax", "/search?q=Plainfield", "/entity/" + VISIBLE, "/check/squatting?firm=" + VISIBLE + "&jurisdiction=CN",
				"/check/conflicts?text=Zorblax&jurisdiction=CN", "/alerts", "/entity/" + VISIBLE + "/network", "/entity/" + VISIBLE + "/network?to=Zorblax",
				"/entity/" + VISIBLE + "/network?trace=CN")) {
			String html = GraphQlClient.http(this.port, "analyst").get().uri(page).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			HIDDEN_NAMES.forEach(hidden -> assertThat(html).as(page).doesNotContain(hidden));
		}
		assertThat(GraphQlClient.http(this.port, "editor").get().uri("/entity/" + VISIBLE).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).as("an editor sees the restricted partner on the page").contains("Zorblax Hidden");
		for (String id : HIDDEN_IDS) {
			GraphQlClient.http(this.port, "analyst").get().uri("/entity/" + id).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
			GraphQlClient.http(this.port, "analyst").get().uri("/entity/" + id + "/network").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
		}
		// the canvas's expansion: a restricted neighbour is neither drawn nor counted for an analyst, and is for an editor
		for (String user : List.of("analyst", "editor")) {
			String expanded = GraphQlClient.http(this.port, user).post().uri("/api/network/expand").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("id", VISIBLE, "kind", "Company", "skip", 0, "drawn", List.of(VISIBLE))).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			if (user.equals("analyst")) {
				HIDDEN_NAMES.forEach(hidden -> assertThat(expanded).as("expand as an analyst").doesNotContain(hidden));
			}
			else {
				assertThat(expanded).as("expand as an editor").contains("Zorblax Hidden");
			}
		}
		// the sources an edge opens: only those the reader may see
		String sources = GraphQlClient.http(this.port, "analyst").get().uri("/api/network/sources?ids=src:vis-test&ids=" + String.join("&ids=", HIDDEN_IDS))
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(sources).as("sources asked for by id, with hidden entities' ids among them").contains("Register extract (visibility test)");
		HIDDEN_NAMES.forEach(hidden -> assertThat(sources).doesNotContain(hidden));
		assertThat(linkedCompanies("editor")).as("companies linked to the visible one, for an editor and an analyst").isEqualTo(linkedCompanies("analyst") + 1);
		// the front page and its JSON: counts and the last changes as the reader may see them
		String front = GraphQlClient.http(this.port, "analyst").get().uri("/").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		HIDDEN_NAMES.forEach(hidden -> assertThat(front).as("front page").doesNotContain(hidden));
		String analyst = overview("analyst");
		String editor = overview("editor");
		HIDDEN_NAMES.forEach(hidden -> assertThat(analyst).as("/api/overview").doesNotContain(hidden));
		assertThat(editor).as("an editor's last changes name the restricted company").contains("company:vis-restricted");
		assertThat(companies(editor)).as("companies counted for an editor (restricted too) and an analyst").isEqualTo(companies(analyst) + 1);
	}

	private long linkedCompanies(String user) {
		String kinds = GraphQlClient.http(this.port, user).get().uri("/api/network/kinds?id=" + VISIBLE).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		// (an analyst sees none of the visible company's partners here: they are restricted or retracted)
		return kinds.contains("\"Company\":") ? companies(kinds) : 0;
	}

	private String overview(String user) {
		return GraphQlClient.http(this.port, user).get().uri("/api/overview").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private static long companies(String overview) {
		java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"Company\":(\\d+)").matcher(overview);
		assertThat(count.find()).as(overview).isTrue();
		return Long.parseLong(count.group(1));
	}

	/**
	 * Every Query field, called as {@code user} with each set of arguments (or, with {@code everySet} false, with the
	 * visible company's only); the answers by the document that asked.
	 */
	private Map<String, String> walk(String user, boolean everySet) {
		GraphQLObjectType query = this.graphQl.schema().getQueryType();
		Map<String, String> answers = new LinkedHashMap<>();
		List<String> uncallable = new ArrayList<>();
		for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
			if (field.getName().startsWith("__")) {
				continue;
			}
			List<Map<String, String>> sets = argumentSets(field, uncallable);
			for (Map<String, String> arguments : everySet ? sets : sets.subList(0, Math.min(1, sets.size()))) {
				String document = document(field, arguments, 2);
				String answer = post(user, document);
				if (answer.contains("more than") && answer.contains("fields") || answer.contains("would cost more")) {
					document = document(field, arguments, 1);
					answer = post(user, document);
				}
				answers.put(document, answer);
			}
		}
		assertThat(uncallable).as("query fields with a required argument this test cannot fill: teach argumentSets").isEmpty();
		return answers;
	}

	private String post(String user, String document) {
		return GraphQlClient.http(this.port, user).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document)).exchange().expectBody(String.class).returnResult().getResponseBody();
	}

	/** The argument sets to call a field with: the visible company, then each hidden one where an id is asked. */
	private static List<Map<String, String>> argumentSets(GraphQLFieldDefinition field, List<String> uncallable) {
		List<String> ids = new ArrayList<>(List.of(VISIBLE));
		boolean takesId = field.getArguments().stream().anyMatch(a -> isId(a.getType()));
		if (takesId) {
			ids.addAll(HIDDEN_IDS);
		}
		List<Map<String, String>> sets = new ArrayList<>();
		for (String id : ids) {
			Map<String, String> arguments = new LinkedHashMap<>();
			for (GraphQLArgument argument : field.getArguments()) {
				String value = value(argument, id);
				if (value != null) {
					arguments.put(argument.getName(), value);
				}
				else if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
					uncallable.add(field.getName() + "(" + argument.getName() + ")");
					return List.of();
				}
			}
			sets.add(arguments);
		}
		if (field.getArguments().stream().anyMatch(a -> a.getName().matches("query|text|name"))) {
			// the hidden ones' names as text to search for
			for (String text : List.of("Zorblax Hidden Holdings", "Quibbleton")) {
				Map<String, String> arguments = new LinkedHashMap<>(sets.getFirst());
				field.getArguments().stream().filter(a -> a.getName().matches("query|text|name"))
					.forEach(a -> arguments.put(a.getName(), "\"" + text + "\""));
				sets.add(arguments);
			}
		}
		return sets;
	}

	private static boolean isId(GraphQLInputType type) {
		GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
		return inner instanceof GraphQLScalarType scalar && scalar.getName().equals("ID");
	}

	/** A value for an argument, in GraphQL syntax, or null to leave it out. */
	private static String value(GraphQLArgument argument, String id) {
		String name = argument.getName();
		GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(argument.getType());
		if (inner instanceof GraphQLList list) {
			GraphQLType item = GraphQLTypeUtil.unwrapNonNull(list.getWrappedType());
			if (name.equals("classes")) {
				return "[25]";
			}
			if (item instanceof GraphQLScalarType scalar && scalar.getName().equals("ID")) {
				return GraphQLTypeUtil.isNonNull(argument.getType()) ? "[\"" + id + "\"]" : null;
			}
			return null;
		}
		if (!(inner instanceof GraphQLScalarType scalar)) {
			return (inner instanceof GraphQLEnumType) ? null : (GraphQLTypeUtil.isNonNull(argument.getType()) ? "UNFILLED" : null);
		}
		return switch (scalar.getName()) {
			case "ID" -> name.equals("to") ? "\"company:vis-far\"" : "\"" + id + "\"";
			case "String" -> switch (name) {
				case "jurisdiction" -> "\"CN\"";
				case "query", "text", "name" -> "\"Plainfield\"";
				case "kind" -> "\"Company\"";
				default -> null;
			};
			case "Int" -> name.matches("hops|depth|maxHops") ? "3" : null;
			default -> null;
		};
	}

	private static String document(GraphQLFieldDefinition field, Map<String, String> arguments, int depth) {
		StringBuilder document = new StringBuilder("{ ").append(field.getName());
		if (!arguments.isEmpty()) {
			document.append("(");
			arguments.forEach((name, value) -> document.append(name).append(": ").append(value).append(" "));
			document.append(")");
		}
		return document.append(selection(field.getType(), depth)).append(" }").toString();
	}

	/** Every field of a type that needs no argument, nested {@code depth} levels; empty for a scalar. */
	private static String selection(GraphQLOutputType type, int depth) {
		GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
		if (inner instanceof GraphQLScalarType || inner instanceof GraphQLEnumType) {
			return "";
		}
		StringBuilder out = new StringBuilder(" { __typename");
		if (inner instanceof GraphQLUnionType union) {
			for (GraphQLNamedType member : union.getTypes()) {
				out.append(" ... on ").append(member.getName()).append(fields((GraphQLFieldsContainer) member, depth));
			}
			return out.append(" }").toString();
		}
		return out.append(fields((GraphQLFieldsContainer) inner, depth).substring(2)).toString();
	}

	private static String fields(GraphQLFieldsContainer container, int depth) {
		StringBuilder out = new StringBuilder(" {");
		for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
			boolean required = field.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()) && !a.hasSetDefaultValue());
			if (required || field.getName().equals("content")) {
				continue; // a report's body is walked as a GET endpoint
			}
			GraphQLType inner = GraphQLTypeUtil.unwrapAll(field.getType());
			if (inner instanceof GraphQLScalarType || inner instanceof GraphQLEnumType) {
				out.append(' ').append(field.getName());
			}
			else if (depth > 0) {
				out.append(' ').append(field.getName()).append(selection(field.getType(), depth - 1));
			}
		}
		return out.append(" }").toString();
	}

}
