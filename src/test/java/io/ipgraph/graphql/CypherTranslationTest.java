package io.ipgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.GraphModel.NodeType;
import io.ipgraph.model.PartialDates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The translation of GraphQL filter and sort arguments to Cypher, with no database: for the arguments a query
 * gives (as GraphQL Java hands them over), the exact predicate or ORDER BY and the parameters it binds. Values
 * always travel as parameters; field names come from the schema, never from the request. The HTTP tests
 * (GraphQlApiTest and others) run the same filters against the seed.
 */
class CypherTranslationTest {

	private static GraphModel model;

	@BeforeAll
	static void readTheSchema() {
		model = GraphModel.fromClasspath();
	}

	@Test
	void noFilterIsTrue() {
		CypherFilters filters = new CypherFilters(model);
		assertThat(filters.where(type("Registration"), "n", null)).isEqualTo("true");
		assertThat(filters.where(type("Registration"), "n", Map.of())).isEqualTo("true");
		assertThat(filters.parameters()).isEmpty();
	}

	@Test
	void eachStringOperatorBindsItsValueAsAParameter() {
		assertTranslation("Registration", Map.of("jurisdiction", Map.of("eq", "CN")), "n.`jurisdiction` = $p0", Map.of("p0", "CN"));
		assertTranslation("Registration", Map.of("jurisdiction", Map.of("in", List.of("CN", "US"))), "n.`jurisdiction` IN $p0",
				Map.of("p0", List.of("CN", "US")));
		assertTranslation("Registration", Map.of("markText", Map.of("contains", "AW")), "n.`markText` CONTAINS $p0", Map.of("p0", "AW"));
		assertTranslation("Registration", Map.of("markText", Map.of("startsWith", "A")), "n.`markText` STARTS WITH $p0", Map.of("p0", "A"));
		assertTranslation("Registration", Map.of("markText", Map.of("endsWith", "S")), "n.`markText` ENDS WITH $p0", Map.of("p0", "S"));
		assertTranslation("Registration", Map.of("number", Map.of("gt", "4")), "n.`number` > $p0", Map.of("p0", "4"));
		assertTranslation("Registration", Map.of("number", Map.of("lte", "9")), "n.`number` <= $p0", Map.of("p0", "9"));
	}

	@Test
	void anEqualityWithNullAsksForAMissingProperty() {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("eq", null);
		assertTranslation("Registration", Map.of("status", filter), "n.`status` IS NULL", Map.of());
		assertTranslation("Registration", Map.of("numberKnown", false), "n.`numberKnown` = $p0", Map.of("p0", false));
	}

	@Test
	void listOperatorsReadTheStoredListOnce() {
		assertTranslation("Registration", Map.of("classes", Map.of("includes", 9)), "$p0 IN n.`classes`", Map.of("p0", 9));
		assertTranslation("Registration", Map.of("classes", Map.of("includesAny", List.of(9, 42))), "any(x IN n.`classes` WHERE x IN $p0)",
				Map.of("p0", List.of(9, 42)));
		assertTranslation("Registration", Map.of("classes", Map.of("includesAll", List.of(9, 42))), "all(x IN $p0 WHERE x IN n.`classes`)",
				Map.of("p0", List.of(9, 42)));
		assertTranslation("Company", Map.of("aliases", Map.of("someContains", "ama")), "any(x IN n.`aliases` WHERE toLower(x) CONTAINS toLower($p0))",
				Map.of("p0", "ama"));
	}

	@Test
	void aDateComparisonHoldsForABoundedDateOnlyWhenItHoldsForEveryDateTheBoundAllows() {
		CypherFilters filters = new CypherFilters(model);
		String lt = filters.where(type("Registration"), "n", Map.of("filedOn", Map.of("lt", "2010-01-01")));
		assertThat(lt).startsWith("(n.`filedOn` < $p0 AND (NOT n.`filedOn` CONTAINS '..' OR ").endsWith(" < $p0))");
		String gte = filters.where(type("Registration"), "n", Map.of("registeredOn", Map.of("gte", "2006")));
		assertThat(gte).startsWith("(n.`registeredOn` >= $p1 AND (NOT n.`registeredOn` CONTAINS '..' OR ").endsWith(" >= $p1))");
		assertThat(filters.parameters()).isEqualTo(Map.of("p0", "2010-01-01", "p1", "2006"));
		// the earliest date of a bound is compared for "after", the latest for "before"
		assertThat(lt).contains(PartialDates.latestCypher("n.`filedOn`"));
		assertThat(gte).contains(PartialDates.earliestCypher("n.`registeredOn`"));
	}

	@Test
	void andOrAndNotNestInParentheses() {
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("OR", List.of(Map.of("jurisdiction", Map.of("eq", "CN")), Map.of("jurisdiction", Map.of("eq", "US"))));
		where.put("NOT", Map.of("status", Map.of("eq", "abandoned")));
		assertTranslation("Registration", where, "(n.`jurisdiction` = $p0 OR n.`jurisdiction` = $p1) AND NOT (n.`status` = $p2)",
				Map.of("p0", "CN", "p1", "US", "p2", "abandoned"));
		assertTranslation("Registration", Map.of("AND", List.of()), "true", Map.of());
		assertTranslation("Registration", Map.of("OR", List.of()), "false", Map.of());
	}

	@Test
	void aRelationshipFilterIsAnExistentialSubqueryOverTheFieldsPattern() {
		Map<String, Object> china = Map.of("country", Map.of("eq", "CN"));
		// owners: (:Party)-[:OWNS]->(:Registration), Party an interface of several labels
		String some = new CypherFilters(model).where(type("Registration"), "n", Map.of("owners", Map.of("some", china)));
		assertThat(some).matches("EXISTS \\{ MATCH \\(n\\)<-\\[:`OWNS`\\]-\\(n0:[`A-Za-z|]+\\) WHERE n0\\.`country` = \\$p1 \\}");
		assertThat(some).contains("`Company`", "`Person`");
		assertTranslation("Company", Map.of("registrations", Map.of("none", Map.of("jurisdiction", Map.of("eq", "CN")))),
				"NOT EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE n0.`jurisdiction` = $p1 }", Map.of("p1", "CN"));
		assertTranslation("Company", Map.of("registrations", Map.of("all", Map.of("jurisdiction", Map.of("eq", "CN")))),
				"NOT EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE NOT (n0.`jurisdiction` = $p1) }", Map.of("p1", "CN"));
		assertTranslation("Company", Map.of("registrations", Map.of("single", Map.of("jurisdiction", Map.of("eq", "CN")))),
				"COUNT { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE n0.`jurisdiction` = $p1 } = 1", Map.of("p1", "CN"));
	}

	@Test
	void relationshipFiltersNestThroughSeveralHops() {
		Map<String, Object> where = Map.of("registrations",
				Map.of("some", Map.of("owners", Map.of("some", Map.of("country", Map.of("eq", "CN"))))));
		String cypher = new CypherFilters(model).where(type("Company"), "n", where);
		assertThat(cypher).startsWith("EXISTS { MATCH (n)-[:`OWNS`]->(n0:`Registration`) WHERE EXISTS { MATCH (n0)<-[:`OWNS`]-(n1:")
			.endsWith(") WHERE n1.`country` = $p2 } }");
	}

	@Test
	void orderingEndsWithTheIdSoThatPagesAreStable() {
		CypherFilters filters = new CypherFilters(model);
		assertThat(filters.orderBy(type("Registration"), "n", null)).isEqualTo("n.`id` ASC");
		assertThat(filters.orderBy(type("Registration"), "n", List.of(Map.of("filedOn", "DESC"), Map.of("number", "ASC"))))
			.isEqualTo("n.`filedOn` DESC, n.`number` ASC, n.`id` ASC");
		assertThat(filters.orderBy(type("Registration"), "n", List.of(Map.of("id", "DESC")))).isEqualTo("n.`id` DESC");
		assertThat(filters.orderBy(type("Company"), "n", List.of(Map.of("lawsuitsCount", "DESC"))))
			.isEqualTo("COUNT { (n)-[:`PARTY_TO`]->(:`Lawsuit`) } DESC, n.`id` ASC");
	}

	@Test
	void whatTheSchemaDoesNotHaveIsRefusedBeforeAnyCypherIsWritten() {
		CypherFilters filters = new CypherFilters(model);
		assertThatThrownBy(() -> filters.where(type("Registration"), "n", Map.of("name` = 1 OR true //", Map.of("eq", "x"))))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Unknown filter field name` = 1 OR true // on Registration");
		assertThatThrownBy(() -> filters.where(type("Registration"), "n", Map.of("markText", Map.of("matches", ".*"))))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Unknown operator matches on markText");
		assertThatThrownBy(() -> filters.orderBy(type("Registration"), "n", List.of(Map.of("classes", "ASC"))))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("Cannot sort Registration by classes");
		assertThat(filters.parameters()).isEmpty();
	}

	private static void assertTranslation(String typeName, Map<String, Object> where, String cypher, Map<String, Object> parameters) {
		CypherFilters filters = new CypherFilters(model);
		assertThat(filters.where(type(typeName), "n", where)).isEqualTo(cypher);
		assertThat(filters.parameters()).isEqualTo(parameters);
	}

	private static NodeType type(String name) {
		return model.node(name);
	}

}
