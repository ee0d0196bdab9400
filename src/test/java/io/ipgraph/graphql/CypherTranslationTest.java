package io.ipgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel.NodeType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * What a GraphQL document translates to, with no database: the GraphQL API with its real schema and data fetchers
 * runs the document over a reader that keeps the reads and answers none, and each test asserts the exact Cypher and
 * parameters. Values always travel as parameters; labels, types and property names come from the schema, never
 * from the request. The HTTP tests (GraphQlApiTest and others) run the same documents against the seed.
 */
class CypherTranslationTest {

	/** The reader's visibility, on every node a read returns. */
	private static final String VISIBLE_N = "($seeRestricted OR NOT (n:`Restricted`))";

	private static final String BY_REGISTRATIONS = "query($w: RegistrationWhere) { registrations(where: $w) { id } }";

	private static final String BY_COMPANIES = "query($w: CompanyWhere) { companies(where: $w) { id } }";

	private static TranslationHarness api;

	@BeforeAll
	static void readTheSchema() {
		api = new TranslationHarness();
	}

	@Test
	void aNodeByIdIsOneMatchOnItsIdWithTheReadersVisibilityAndOnlyTheSelectedProperties() {
		ReadPlan plan = api.translate("{ registration(id: \"CTMO:4249189\") { id markText __typename } }");
		assertThat(plan.cypher()).isEqualTo(
				"MATCH (n:`Registration` {id: $p0}) WHERE " + VISIBLE_N + " RETURN n{.id, .markText} AS node");
		assertThat(plan.parameters()).isEqualTo(Map.of("p0", "CTMO:4249189"));
		// a field that is no stored property of its own name (citations) reads them all
		assertThat(api.translate("{ registration(id: \"x\") { sources { quote } } }").cypher()).endsWith(" RETURN n{.*} AS node");
	}

	@Test
	void aPageIsMatchFilterOrderSkipLimitAndProjection() {
		ReadPlan plan = api.translate("""
				{ registrations(where: {jurisdiction: {eq: "CN"}}, sort: [{filedOn: DESC}], offset: 5, limit: 10) { id number } }""");
		assertThat(plan.cypher()).isEqualTo("MATCH (n:`Registration`) WHERE (" + VISIBLE_N + " AND n.jurisdiction = $p0)"
				+ " WITH n ORDER BY n.filedOn DESC, n.id ASC SKIP $p1 LIMIT $p2 RETURN n{.id, .number} AS node");
		assertThat(plan.parameters()).isEqualTo(Map.of("p0", "CN", "p1", 5, "p2", 10));
		// no arguments: the default page, ordered by id
		assertThat(api.translate("{ companies { name } }")).isEqualTo(new ReadPlan(
				"MATCH (n:`Company`) WHERE " + VISIBLE_N + " WITH n ORDER BY n.id ASC SKIP $p0 LIMIT $p1 RETURN n{.id, .name} AS node",
				Map.of("p0", 0, "p1", TranslationHarness.LIMITS.defaultPageSize())));
	}

	@Test
	void aCursorIsTheOffsetAfterItAndAConnectionReadsOneRowMoreToKnowWhetherAnotherPageFollows() {
		ReadPlan plan = api.translate("{ registrationsConnection(first: 2, after: \"" + GraphWiring.Cursor.encode(4)
				+ "\") { edges { node { id markText } } pageInfo { hasNextPage } } }");
		assertThat(plan.cypher()).isEqualTo("MATCH (n:`Registration`) WHERE " + VISIBLE_N
				+ " WITH n ORDER BY n.id ASC SKIP $p0 LIMIT $p1 RETURN n{.id, .markText} AS node");
		assertThat(plan.parameters()).isEqualTo(Map.of("p0", 5, "p1", 3));
		NodeType registration = api.model.node("Registration");
		assertThat(api.queries.countPlan(registration, Map.of("jurisdiction", Map.of("eq", "CN")))).isEqualTo(new ReadPlan(
				"MATCH (n:`Registration`) WHERE (" + VISIBLE_N + " AND n.jurisdiction = $p0) RETURN count(n) AS total", Map.of("p0", "CN")));
	}

	@Test
	void eachStringOperatorBindsItsValueAsAParameter() {
		assertFilter(BY_REGISTRATIONS, Map.of("jurisdiction", Map.of("eq", "CN")), "n.jurisdiction = $p0", "CN");
		assertFilter(BY_REGISTRATIONS, Map.of("jurisdiction", Map.of("in", List.of("CN", "US"))), "n.jurisdiction IN $p0", List.of("CN", "US"));
		assertFilter(BY_REGISTRATIONS, Map.of("markText", Map.of("contains", "AW")), "n.markText CONTAINS $p0", "AW");
		assertFilter(BY_REGISTRATIONS, Map.of("markText", Map.of("startsWith", "A")), "n.markText STARTS WITH $p0", "A");
		assertFilter(BY_REGISTRATIONS, Map.of("markText", Map.of("endsWith", "S")), "n.markText ENDS WITH $p0", "S");
		assertFilter(BY_REGISTRATIONS, Map.of("number", Map.of("gt", "4")), "n.number > $p0", "4");
		assertFilter(BY_REGISTRATIONS, Map.of("number", Map.of("lte", "9")), "n.number <= $p0", "9");
		// an attempt to break out of the value stays a value
		assertFilter(BY_REGISTRATIONS, Map.of("markText", Map.of("eq", "x' OR true //")), "n.markText = $p0", "x' OR true //");
	}

	@Test
	void anEqualityWithNullAsksForAMissingProperty() {
		Map<String, Object> isNull = new LinkedHashMap<>();
		isNull.put("eq", null);
		ReadPlan plan = api.translate(BY_REGISTRATIONS, Map.of("w", Map.of("status", isNull))).getFirst();
		assertThat(filterOf(plan)).isEqualTo("n.status IS NULL");
		assertThat(plan.parameters()).containsOnlyKeys("p0", "p1");
		assertFilter(BY_REGISTRATIONS, Map.of("numberKnown", false), "n.numberKnown = $p0", false);
	}

	@Test
	void listOperatorsReadTheStoredListOnce() {
		assertFilter(BY_REGISTRATIONS, Map.of("classes", Map.of("includes", 9)), "$p0 IN n.classes", 9);
		assertFilter(BY_REGISTRATIONS, Map.of("classes", Map.of("includesAny", List.of(9, 42))), "any(x IN n.classes WHERE x IN $p0)", List.of(9, 42));
		assertFilter(BY_REGISTRATIONS, Map.of("classes", Map.of("includesAll", List.of(9, 42))), "all(x IN $p0 WHERE x IN n.classes)", List.of(9, 42));
		assertFilter(BY_COMPANIES, Map.of("aliases", Map.of("someContains", "ama")), "any(x IN n.aliases WHERE toLower(x) CONTAINS toLower($p0))",
				"ama");
	}

	@Test
	void aDateComparisonHoldsForABoundedDateOnlyWhenItHoldsForEveryDateTheBoundAllows() {
		// before: the latest date the bound allows (none for "2006.."); after: the earliest (none for "..2010")
		String latest = "CASE WHEN n.filedOn ENDS WITH '..' THEN NULL WHEN n.filedOn CONTAINS '..' THEN split(n.filedOn, '..')[1] ELSE n.filedOn END";
		assertFilter(BY_REGISTRATIONS, Map.of("filedOn", Map.of("lt", "2010-01-01")),
				"(n.filedOn < $p0 AND (NOT (n.filedOn CONTAINS '..') OR " + latest + " < $p0))", "2010-01-01");
		String earliest = "CASE WHEN n.registeredOn STARTS WITH '..' THEN NULL WHEN n.registeredOn CONTAINS '..' "
				+ "THEN split(n.registeredOn, '..')[0] ELSE n.registeredOn END";
		assertFilter(BY_REGISTRATIONS, Map.of("registeredOn", Map.of("gte", "2006")),
				"(n.registeredOn >= $p0 AND (NOT (n.registeredOn CONTAINS '..') OR " + earliest + " >= $p0))", "2006");
		assertFilter(BY_REGISTRATIONS, Map.of("filedOn", Map.of("startsWith", "2006")),
				"(n.filedOn STARTS WITH $p0 AND (NOT (n.filedOn CONTAINS '..') OR " + latest + " STARTS WITH $p0))", "2006");
	}

	@Test
	void andOrAndNotNest() {
		Map<String, Object> where = Map.of("OR", List.of(Map.of("jurisdiction", Map.of("eq", "CN")), Map.of("jurisdiction", Map.of("eq", "US"))),
				"NOT", Map.of("status", Map.of("eq", "abandoned")));
		ReadPlan plan = api.translate(BY_REGISTRATIONS, Map.of("w", where)).getFirst();
		// the schema's order of the input fields (AND, OR, NOT, then the properties), whatever the request's
		assertThat(filterOf(plan)).isEqualTo("((n.jurisdiction = $p0 OR n.jurisdiction = $p1) AND NOT (n.status = $p2))");
		assertThat(plan.parameters()).contains(entry("p0", "CN"), entry("p1", "US"), entry("p2", "abandoned"));
		assertThat(filterOf(api.translate(BY_REGISTRATIONS, Map.of("w", Map.of("AND", List.of()))).getFirst())).isEqualTo("true");
		assertThat(filterOf(api.translate(BY_REGISTRATIONS, Map.of("w", Map.of("OR", List.of()))).getFirst())).isEqualTo("false");
	}

	@Test
	void anEmptyFilterHoldsForEveryNodeAlsoInsideOrAndNot() {
		assertThat(api.translate("{ registrations(where: {}) { id } }").cypher()).startsWith("MATCH (n:`Registration`) WHERE " + VISIBLE_N + " WITH n");
		assertFilter(BY_REGISTRATIONS, Map.of("OR", List.of(Map.of(), Map.of("jurisdiction", Map.of("eq", "CN")))), "(true OR n.jurisdiction = $p0)", "CN");
		assertThat(filterOf(api.translate(BY_REGISTRATIONS, Map.of("w", Map.of("NOT", Map.of()))).getFirst())).isEqualTo("NOT (true)");
		assertThat(filterOf(api.translate(BY_COMPANIES, Map.of("w", Map.of("registrations", Map.of("single", Map.of("status", Map.of()))))).getFirst()))
			.isEqualTo("COUNT { (n)-[:`OWNS`]->(n0:`Registration`) } = 1");
		assertThat(filterOf(api.translate(BY_COMPANIES, Map.of("w", Map.of("registrations", Map.of("some", Map.of(), "all", Map.of())))).getFirst()))
			.isEqualTo("EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) } AND NOT (EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE NOT (true) })");
	}

	@Test
	void aRelationshipFilterIsASubqueryOverTheFieldsPattern() {
		// owners: a union of several labels, matched as a label disjunction
		ReadPlan some = api.translate(BY_REGISTRATIONS, Map.of("w", Map.of("owners", Map.of("some", Map.of("country", Map.of("eq", "CN")))))).getFirst();
		assertThat(filterOf(some)).matches("EXISTS \\{ MATCH \\(n\\)<-\\[:`OWNS`]-\\(n0:`Company`(\\|`[A-Za-z]+`)+\\) WHERE n0\\.country = \\$p1 }")
			.contains("|`Person`");
		Map<String, Object> china = Map.of("jurisdiction", Map.of("eq", "CN"));
		assertFilter(BY_COMPANIES, Map.of("registrations", Map.of("none", china)),
				"NOT (EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE n0.jurisdiction = $p1 })", "CN", "p1");
		assertFilter(BY_COMPANIES, Map.of("registrations", Map.of("all", china)),
				"NOT (EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE NOT (n0.jurisdiction = $p1) })", "CN", "p1");
		assertFilter(BY_COMPANIES, Map.of("registrations", Map.of("single", china)),
				"COUNT { (n)-[:`OWNS`]->(n0:`Registration`) WHERE n0.jurisdiction = $p1 } = 1", "CN", "p1");
	}

	@Test
	void relationshipFiltersNestThroughSeveralHops() {
		Map<String, Object> where = Map.of("registrations", Map.of("some", Map.of("owners", Map.of("some", Map.of("country", Map.of("eq", "CN"))))));
		String filter = filterOf(api.translate(BY_COMPANIES, Map.of("w", where)).getFirst());
		assertThat(filter).startsWith("EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE EXISTS { MATCH (n0)<-[:`OWNS`]-(n1:")
			.endsWith(") WHERE n1.country = $p2 } }");
	}

	@Test
	void orderingEndsWithTheIdSoThatPagesAreStable() {
		assertThat(api.translate("{ registrations(sort: [{filedOn: DESC}, {number: ASC}]) { id } }").cypher())
			.contains(" ORDER BY n.filedOn DESC, n.number ASC, n.id ASC SKIP ");
		assertThat(api.translate("{ registrations(sort: [{id: DESC}]) { id } }").cypher()).contains(" ORDER BY n.id DESC SKIP ");
		assertThat(api.translate("{ companies(sort: [{lawsuitsCount: DESC}]) { id } }").cypher())
			.contains(" ORDER BY COUNT { (n)-[:`PARTY_TO`]->(:`Lawsuit`) } DESC, n.id ASC SKIP ");
	}

	@Test
	void relationshipFieldsSelectedBelowANodeComeInTheSameReadWithTheirOwnFilterOrderAndCap() {
		ReadPlan plan = api.translate("""
				{ companies(limit: 3) { name
				    registrations(where: {jurisdiction: {eq: "US"}}, sort: [{filedOn: ASC}], limit: 2) { role node { number } }
				    lawsuits { node { id } } } }""");
		assertThat(plan.cypher()).isEqualTo("MATCH (n:`Company`) WHERE " + VISIBLE_N + " WITH n ORDER BY n.id ASC SKIP $p0 LIMIT $p1"
				+ " RETURN n{.id, .name,"
				+ " __rel_registrations: COLLECT { MATCH (n)-[r3:`OWNS`]->(m2:`Registration`) WHERE (($seeRestricted OR NOT (m2:`Restricted`))"
				+ " AND m2.jurisdiction = $p4) WITH r3, m2 ORDER BY m2.filedOn ASC, m2.id ASC LIMIT $p5"
				+ " RETURN {node: m2{.id, .number}, labels: labels(m2), rel: properties(r3)} },"
				+ " __rel_lawsuits: COLLECT { MATCH (n)-[r7:`PARTY_TO`]->(m6:`Lawsuit`) WHERE ($seeRestricted OR NOT (m6:`Restricted`))"
				+ " WITH r7, m6 ORDER BY m6.id ASC LIMIT $p8 RETURN {node: m6{.id}, labels: labels(m6), rel: properties(r7)} }} AS node");
		// a list without a limit reads one more than the cap, so that an over-full list is seen and refused
		assertThat(plan.parameters()).isEqualTo(Map.of("p0", 0, "p1", 3, "p4", "US", "p5", 2, "p8", TranslationHarness.LIMITS.maxRelated() + 1));
	}

	@Test
	void whatCannotComeWithItsParentIsLeftToTheBatchedLoader() {
		// a limit over the cap is refused by the loader at the field's own path, so it is not planned with the parent
		ReadPlan plan = api.translate("{ companies { registrations(limit: 5000) { role } } }");
		assertThat(plan.cypher()).doesNotContain("COLLECT").endsWith(" RETURN n{.id} AS node");
		NodeType company = api.model.node("Company");
		ReadPlan batch = api.queries.relationsPlan(company, company.relationships().get("registrations"),
				Map.of("where", Map.of("jurisdiction", Map.of("eq", "CN"))), List.of("company:a", "company:b"), 1000);
		assertThat(batch.cypher()).isEqualTo("UNWIND $ids AS pid MATCH (p:`Company` {id: pid})-[r:`OWNS`]->(m:`Registration`)"
				+ " WHERE (($seeRestricted OR NOT (m:`Restricted`)) AND m.jurisdiction = $p0) WITH pid, r, m ORDER BY m.id ASC"
				+ " WITH pid, collect({node: m{.*}, labels: labels(m), rel: properties(r)}) AS items"
				+ " RETURN pid, items[0..$p1] AS items, size(items) AS total");
		assertThat(batch.parameters()).isEqualTo(Map.of("ids", List.of("company:a", "company:b"), "p0", "CN", "p1", 1000));
	}

	@Test
	void readsOfOneShapeShareTheirTextAndEachKeepsItsOwnValues() {
		String document = "query($w: RegistrationWhere, $n: Int) { registrations(where: $w, limit: $n) { id owners(limit: $n) { role } } }";
		ReadPlan first = api.translate(document, Map.of("w", Map.of("jurisdiction", Map.of("eq", "CN")), "n", 5)).getFirst();
		ReadPlan second = api.translate(document, Map.of("w", Map.of("jurisdiction", Map.of("eq", "US")), "n", 7)).getFirst();
		assertThat(second.cypher()).isEqualTo(first.cypher());
		assertThat(first.parameters()).containsEntry("p0", "CN").containsValue(5);
		assertThat(second.parameters()).containsEntry("p0", "US").containsValue(7).doesNotContainValue(5);
		// what changes the text is its own shape: a null value, another operator, a direction, a limit over the cap
		Map<String, Object> isNull = new LinkedHashMap<>();
		isNull.put("eq", null);
		assertThat(api.translate(document, Map.of("w", Map.of("jurisdiction", isNull), "n", 5)).getFirst().cypher()).isNotEqualTo(first.cypher());
		assertThat(api.translate(document, Map.of("w", Map.of("jurisdiction", Map.of("in", List.of("CN"))), "n", 5)).getFirst().cypher())
			.isNotEqualTo(first.cypher());
		assertThat(api.translate(document, Map.of("w", Map.of("jurisdiction", Map.of("eq", "CN")), "n", 100)).getFirst().cypher())
			.isEqualTo(first.cypher());
		assertThat(api.translate("{ registrations(limit: 5) { owners(limit: 5000) { role } } }").cypher()).doesNotContain("COLLECT");
		assertThat(api.translate("{ registrations(limit: 5) { owners(limit: 5) { role } } }").cypher()).contains("COLLECT");
		assertThat(api.translate("{ registrations(sort: [{filedOn: DESC}]) { id } }").cypher())
			.isNotEqualTo(api.translate("{ registrations(sort: [{filedOn: ASC}]) { id } }").cypher());
	}

	@Test
	void aSharedTextIsTheTextTheRequestWouldHavePrintedItself() {
		TranslationHarness printingEachTime = new TranslationHarness(false);
		List<String> documents = List.of("{ registration(id: \"a\") { id markText } }", "{ registration(id: \"b\") { markText id } }",
				"{ registration(id: \"b\") { id text: markText } }", "{ companies(limit: 3) { name lawsuits { node { id } } } }",
				"{ companies(limit: 4) { name lawsuits(limit: 2) { node { id } } registrations(where: {jurisdiction: {eq: \"US\"}}) { role } } }",
				"{ companies(where: {registrations: {some: {jurisdiction: {eq: \"CN\"}}}}) { id } }",
				"{ companies(where: {registrations: {none: {jurisdiction: {eq: \"CN\"}}}}) { id } }",
				"{ registrations(where: {OR: [{status: {eq: \"x\"}}, {}]}) { id } }", "{ registrations(where: {OR: [{}, {status: {eq: \"x\"}}]}) { id } }",
				"{ registrations(sort: [{filedOn: DESC}, {number: ASC}]) { id } }", "{ registrations(sort: [{number: ASC}, {filedOn: DESC}]) { id } }",
				"{ registrationsConnection(first: 2) { edges { node { id } } } }");
		for (String document : documents) {
			ReadPlan shared = api.translate(document);
			assertThat(shared).as(document).isEqualTo(printingEachTime.translate(document));
			assertThat(api.translate(document)).as(document).isEqualTo(shared);
		}
	}

	@Test
	void whatTheSchemaDoesNotHaveIsRefusedBeforeAnyCypherIsWritten() {
		assertThatThrownBy(() -> api.translate("{ registrations(where: {title: {eq: \"x\"}}) { id } }"))
			.hasMessageContaining("WrongType");
		assertThat(api.reads).isEmpty();
		// below the schema's own checks, the translator refuses names the model does not have
		CypherFilters filters = new CypherFilters(api.model);
		NodeType registration = api.model.node("Registration");
		Node n = Cypher.node(registration.label()).named("n");
		assertThatThrownBy(() -> filters.where(registration, n, Map.of("name` = 1 OR true //", Map.of("eq", "x"))))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Unknown filter field name` = 1 OR true // on Registration");
		assertThatThrownBy(() -> filters.where(registration, n, Map.of("markText", Map.of("matches", ".*"))))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Unknown operator matches on markText");
		assertThatThrownBy(() -> filters.orderBy(registration, n, List.of(Map.of("classes", "ASC"))))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Cannot sort Registration by classes");
	}

	/** The filter of a page read, without the reader's visibility that comes first. */
	private static String filterOf(ReadPlan plan) {
		String cypher = plan.cypher();
		String prefix = "WHERE (" + VISIBLE_N + " AND ";
		int start = cypher.indexOf(prefix);
		int end = cypher.indexOf(") WITH n ORDER BY ");
		assertThat(start).as("a filtered read: %s", cypher).isPositive();
		return cypher.substring(start + prefix.length(), end);
	}

	private static void assertFilter(String document, Map<String, Object> where, String filter, Object value) {
		assertFilter(document, where, filter, value, "p0");
	}

	private static void assertFilter(String document, Map<String, Object> where, String filter, Object value, String parameter) {
		ReadPlan plan = api.translate(document, Map.of("w", where)).getFirst();
		assertThat(filterOf(plan)).isEqualTo(filter);
		assertThat(plan.parameters()).containsEntry(parameter, value);
	}

}
