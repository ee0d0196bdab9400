package io.ipgraph.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import io.ipgraph.imports.ImportParser.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lines a registry or FollowTheMoney reader builds as values go the way of the lines parsed from text: a value
 * and the JSON line that says the same become the same {@link ImportLine}, and what the parser refuses in text is
 * refused in a value with the same reason. No database: this is the step before the importer's checks against the
 * model, which both share.
 */
class TypedLinesTest {

	private final ImportParser parser = new ImportParser();

	@Test
	void aValueAndTheJsonLineThatSaysTheSameBecomeTheSameLine() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("office", "USPTO");
		properties.put("classes", Set.of(25));
		properties.put("numberKnown", true);
		properties.put("score", 0.5f);
		ImportLine typed = new NodeLine(7, "Registration", "USPTO:98186103", properties, List.of(new Citation("src:file-x", null)));
		ImportLine parsed = this.parser.parse("""
				{"kind":"node","label":"Registration","id":"USPTO:98186103","properties":{"office":"USPTO","classes":[25],
				"numberKnown":true,"score":0.5},"sources":[{"id":"src:file-x"}]}""".replace("\n", ""), 7);
		assertThat(this.parser.check(typed)).isEqualTo(parsed);
		// integers as Long, as JSON gives them, so the model's checks and the writer see one kind
		assertThat(((NodeLine) this.parser.check(typed)).properties().get("classes")).isEqualTo(List.of(25L));

		ImportLine owns = new RelationshipLine(8, "OWNS", "company:acme", "USPTO:98186103", "applicant", Map.of("from", "2023"), List.of());
		assertThat(this.parser.check(owns)).isEqualTo(this.parser.parse("""
				{"kind":"relationship","type":"OWNS","from":"company:acme","to":"USPTO:98186103","key":"applicant","properties":{"from":"2023"}}""",
				8));
	}

	@Test
	void whatTheParserRefusesInTextIsRefusedInAValueWithTheSameReason() {
		String tooLong = "x".repeat(ImportParser.MAX_ID + 1);
		assertSameRefusal(new NodeLine(3, "Company", "company: acme", Map.of(), List.of()),
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company: acme\"}");
		assertSameRefusal(new NodeLine(3, "Company", tooLong, Map.of(), List.of()),
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"" + tooLong + "\"}");
		assertSameRefusal(new NodeLine(3, "Company", "company:acme", Map.of("address", Map.of("city", "Wuhan")), List.of()),
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company:acme\",\"properties\":{\"address\":{\"city\":\"Wuhan\"}}}");
		assertSameRefusal(new NodeLine(3, "Company", "company:acme", Map.of("aliases", List.of("a", 1.5)), List.of()),
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company:acme\",\"properties\":{\"aliases\":[\"a\",1.5]}}");
		assertSameRefusal(new RelationshipLine(3, "OWNS", "company:acme", "", null, Map.of(), List.of()),
				"{\"kind\":\"relationship\",\"type\":\"OWNS\",\"from\":\"company:acme\",\"to\":\"\"}");
		assertSameRefusal(new NodeLine(3, "Company", "company:acme", Map.of(), List.of(new Citation(" ", "q"))),
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company:acme\",\"sources\":[{\"id\":\" \",\"quote\":\"q\"}]}");
	}

	private void assertSameRefusal(ImportLine typed, String text) {
		String reason = refusal(() -> this.parser.parse(text, 3));
		assertThat(refusal(() -> this.parser.check(typed))).isEqualTo(reason);
	}

	private static String refusal(Runnable step) {
		Rejected[] caught = new Rejected[1];
		assertThatThrownBy(step::run).isInstanceOfSatisfying(Rejected.class, r -> caught[0] = r);
		assertThat(caught[0].line()).isEqualTo(3);
		return caught[0].getMessage();
	}

}
