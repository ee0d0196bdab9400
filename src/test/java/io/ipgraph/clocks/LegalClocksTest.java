package io.ipgraph.clocks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ipgraph.clocks.LegalClocks.LegalClock;
import io.ipgraph.clocks.LegalClocks.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The legal clocks without a database: the table of rules checked whole, one worked registration per office (every
 * rule of the office with its day, so a rule added to the table needs its expected day here), and the clocks of every
 * registration of the case files against a table worked out apart from the code.
 */
class LegalClocksTest {

	private static final LegalClocks CLOCKS = new LegalClocks(ClockRules.load());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Per office: a registration with every date known to the day, and each rule's opens, closes and late day. */
	static Stream<Arguments> offices() {
		return Stream.of(
				Arguments.of("CTMO", Map.of("filedOn", "2004-03-15", "publishedOn", "2007-08-06", "registeredOn", "2008-02-07"), List.of(
						"cn-opposition | 2007-08-06 | 2007-11-06 | -",
						"cn-term | - | 2018-02-06 | -",
						"cn-renewal | 2017-02-06 | 2018-02-06 | 2018-08-06",
						"cn-non-use | 2011-02-07 | - | -",
						"cn-invalidation-relative | 2008-02-07 | 2013-02-07 | -",
						"paris-priority | 2004-03-15 | 2004-09-15 | -")),
				Arguments.of("USPTO", Map.of("filedOn", "2023-05-31", "publishedOn", "2024-02-20", "registeredOn", "2024-05-07"), List.of(
						"us-opposition | 2024-02-20 | 2024-03-21 | 2024-08-18",
						"us-section-8 | 2029-05-07 | 2030-05-07 | 2030-11-07",
						"us-cancellation | 2024-05-07 | 2029-05-07 | -",
						"us-term | - | 2034-05-07 | -",
						"us-renewal | 2033-05-07 | 2034-05-07 | 2034-11-07",
						"paris-priority | 2023-05-31 | 2023-11-30 | -")),
				Arguments.of("EUIPO", Map.of("filedOn", "2019-08-31", "publishedOn", "2019-10-15", "registeredOn", "2020-02-29"), List.of(
						"eu-opposition | 2019-10-15 | 2020-01-15 | -",
						"eu-term | - | 2029-08-31 | -",
						"eu-renewal | 2029-02-28 | 2029-08-31 | 2030-02-28",
						"eu-non-use | 2025-02-28 | - | -",
						"paris-priority | 2019-08-31 | 2020-02-29 | -")),
				Arguments.of("WIPO", Map.of("registeredOn", "2009-03-11"), List.of(
						"madrid-dependency | 2009-03-11 | 2014-03-11 | -",
						"madrid-term | - | 2019-03-11 | -",
						"madrid-renewal | - | 2019-03-11 | 2019-09-11")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("offices")
	void everyRuleOfAnOfficeGivesItsDay(String office, Map<String, Object> dates, List<String> expected) {
		Map<String, Object> registration = new HashMap<>(dates);
		registration.put("id", office + ":worked-example");
		registration.put("office", office);
		List<LegalClock> clocks = CLOCKS.of(registration, LocalDate.of(2026, 12, 1));
		assertThat(clocks).extracting(c -> c.rule().id() + " | " + day(c.opens()) + " | " + day(c.closes()) + " | " + day(c.lateUntil()))
			.as("every rule of " + office + " in the table, in order, with its days").containsExactlyElementsOf(expected);
		assertThat(clocks).allSatisfy(c -> {
			assertThat(c.cannotCompute()).isNull();
			assertThat(c.rule().law()).isNotBlank();
			assertThat(c.rule().article()).isNotBlank();
		});
	}

	@Test
	void theStateOfAWindowFollowsTheDayAskedAbout() {
		Map<String, Object> registration = Map.of("id", "USPTO:worked-example", "office", "USPTO", "publishedOn", "2024-02-20");
		LegalClock before = opposition(registration, "2024-02-19");
		assertThat(before.state()).isEqualTo("not-yet-open");
		LegalClock open = opposition(registration, "2024-03-07");
		assertThat(open.state()).isEqualTo("open");
		assertThat(open.daysLeft()).isEqualTo(14L);
		assertThat(opposition(registration, "2024-03-21").daysLeft()).isZero();
		assertThat(opposition(registration, "2024-03-22").state()).as("past 30 days, an extension can still run").isEqualTo("late");
		assertThat(opposition(registration, "2024-08-19").state()).isEqualTo("closed");
		// a publication known only to the month: the last day is known only between two days
		LegalClock month = opposition(Map.of("id", "USPTO:x", "office", "USPTO", "publishedOn", "2024-02"), "2024-03-05");
		assertThat(month.closes().on()).isNull();
		assertThat(month.closes().date()).isEqualTo("2024-03-02..2024-03-30");
		assertThat(month.state()).as("2024-03-05 may be before or after the last day").isEqualTo("uncertain");
	}

	@Test
	void aMissingOrOneSidedDateGivesNoDayAndSaysWhy() {
		LegalClock missing = opposition(Map.of("id", "USPTO:x", "office", "USPTO", "registeredOn", "2001"), "2026-12-01");
		assertThat(missing.state()).isEqualTo("unknown");
		assertThat(missing.closes()).isNull();
		assertThat(missing.cannotCompute()).contains("no publishedOn").contains("published for opposition");
		Map<String, Object> bounded = Map.of("id", "USPTO:y", "office", "USPTO", "registeredOn", "..1971-04-18");
		List<LegalClock> clocks = CLOCKS.of(bounded, LocalDate.of(2026, 12, 1));
		LegalClock term = clocks.stream().filter(c -> c.rule().id().equals("us-term")).findFirst().orElseThrow();
		assertThat(term.cannotCompute()).contains("registeredOn is known only as on or before 1971-04-18");
		LegalClock renewal = clocks.stream().filter(c -> c.rule().id().equals("us-renewal")).findFirst().orElseThrow();
		assertThat(renewal.cannotCompute()).contains("no expiresOn is recorded").contains("us-term");
		assertThat(CLOCKS.of(Map.of("id", "IPAU:x", "office", "IPAU", "registeredOn", "2001"), LocalDate.of(2026, 12, 1)))
			.as("an office the table has no rules for has no clocks").isEmpty();
	}

	@Test
	void aRecordedExpiryIsWhatTheRenewalCountsFrom() {
		// CNIPA's register: registered 2005-04-07, renewed once, expires 2025-04-06
		Map<String, Object> registration = Map.of("id", "CTMO:3479748", "office", "CTMO", "registeredOn", "2005-04-07", "expiresOn", "2025-04-06");
		LegalClock renewal = CLOCKS.of(registration, LocalDate.of(2025, 6, 1)).stream().filter(c -> c.rule().id().equals("cn-renewal")).findFirst()
			.orElseThrow();
		assertThat(renewal.basis()).isEqualTo("expiresOn 2025-04-06, as recorded");
		assertThat(renewal.state()).as("two months after expiry, inside the six months of grace").isEqualTo("late");
	}

	@Test
	void aBrokenTableIsRefusedWithEveryProblemNamed() {
		String table = """
				{"offices": {"CTMO": "CNIPA"}, "rules": [
				  {"id": "a", "offices": ["XX"], "kind": "opposition", "name": "n", "from": "publishedOn", "closes": "3 months",
				   "law": "l", "article": "art. 1", "rule": "r"},
				  {"id": "b", "offices": ["CTMO"], "kind": "renewal", "name": "n", "from": "termEnds", "closes": "P0D",
				   "law": "l", "rule": "r"}
				]}""";
		assertThatThrownBy(() -> ClockRules.read(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("rule a: offices [XX] must be among [CTMO]")
			.hasMessageContaining("rule a: '3 months' is not an ISO-8601 period")
			.hasMessageContaining("rule b: kind, name, law, article and rule are all required")
			.hasMessageContaining("office CTMO: a rule runs from termEnds, so the office needs a rule of kind 'term'");
	}

	/** Every registration of the case files, against {@code clocks/cases-as-of-2026-12-01.txt}. */
	@Test
	void theClocksOfTheCaseRegistrationsAreTheOnesWorkedOutByHand() throws IOException {
		List<String> expected = Files.readAllLines(Path.of("src/test/resources/clocks/cases-as-of-2026-12-01.txt"))
			.stream()
			.filter(l -> !l.startsWith("#") && !l.isBlank())
			.toList();
		List<String> computed = new ArrayList<>();
		LocalDate asOf = LocalDate.of(2026, 12, 1);
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/cases"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					JsonNode node = JSON.readTree(line);
					if (!"Registration".equals(node.path("label").asString(""))) {
						continue;
					}
					Map<String, Object> registration = new LinkedHashMap<>(JSON.convertValue(node.get("properties"), Map.class));
					registration.put("id", node.get("id").asString());
					List<LegalClock> clocks = CLOCKS.of(registration, asOf);
					if (clocks.isEmpty()) {
						computed.add(registration.get("id") + " | no rules for " + registration.get("office"));
					}
					for (LegalClock c : clocks) {
						if (c.cannotCompute() != null) {
							assertThat(c.cannotCompute()).as(c.registrationId() + " " + c.rule().id()).contains(c.from().equals("termEnds") ? "expiresOn" : c.from());
							computed.add(c.registrationId() + " | " + c.rule().id() + " | unknown");
						}
						else {
							computed.add(c.registrationId() + " | " + c.rule().id() + " | " + day(c.opens()) + " | " + day(c.closes()) + " | "
									+ day(c.lateUntil()) + " | " + c.state());
						}
					}
				}
			}
		}
		assertThat(computed).containsExactlyElementsOf(expected);
	}

	private static LegalClock opposition(Map<String, Object> registration, String asOf) {
		return CLOCKS.of(registration, LocalDate.parse(asOf)).stream().filter(c -> c.rule().kind().equals("opposition")).findFirst().orElseThrow();
	}

	private static String day(When when) {
		return when == null ? "-" : when.date();
	}

}
