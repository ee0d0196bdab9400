package io.ipgraph.generated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.ipgraph.bench.MarkDataGenerator;
import io.ipgraph.keys.MarkKeys;
import io.ipgraph.keys.NameKeys;
import io.ipgraph.store.GraphStore;

/**
 * A seeded graph of invented firms, local companies with Chinese names, registrations, lawsuits with rulings,
 * seizures and squatted marks, loaded into Neo4j, together with what the analyses should answer on it,
 * computed here in plain Java (an edge list, sums, counts) independently of the queries under test.
 */
final class GeneratedGraph {

	static final String SOURCE = "src:generated";

	private static final String HAN = "安宝北博长辰大德东飞丰福光广海航浩华辉佳嘉金锦晶京康科蓝乐立联龙美明南鹏奇启强清瑞盛世顺泰天通万维伟新信星兴雅阳耀益盈宇远云泽智中众";

	private static final String[] COURT_JURISDICTIONS = { "CN", "US", "DE" };

	private static final Map<String, String> CURRENCY = Map.of("CN", "CNY", "US", "USD", "DE", "EUR");

	private static final String[] SEIZURE_COUNTRIES = { "CN", "GB", "BR", "JP" };

	final Random random = new Random(11);

	final List<MarkDataGenerator.Row> registrations = new MarkDataGenerator(7).registrations(3000);

	/** Local companies: id to {name, aliases}. */
	final Map<String, List<String>> localNames = new LinkedHashMap<>();

	final List<String> firms = new ArrayList<>();

	final Map<String, List<String>> subsidiaries = new HashMap<>();

	final Map<String, Set<String>> partners = new HashMap<>();

	/** Registration id to owner id. */
	final Map<String, String> owners = new HashMap<>();

	/** Registration id to filing date, for the registrations in China. */
	final Map<String, String> filedOn = new HashMap<>();

	/** Firm id to the registration of its mark filed earlier by another company, and whether that company is its partner. */
	final Map<String, String> squatted = new HashMap<>();

	final Map<String, Boolean> squattedByPartner = new HashMap<>();

	/** Lawsuit id to {jurisdiction, filing year, currency, amount}. */
	final Map<String, Object[]> rulings = new LinkedHashMap<>();

	final Set<String> disputedRulings = new HashSet<>();

	/** Seizure id to {country, items}. */
	final Map<String, Object[]> seizures = new LinkedHashMap<>();

	final Map<String, Integer> lawsuitsPerCompany = new HashMap<>();

	/** Undirected adjacency of every node written, for breadth-first distances. */
	final Map<String, Set<String>> adjacency = new HashMap<>();

	private final List<Map<String, Object>> nodes = new ArrayList<>();

	private final Map<String, String> labels = new HashMap<>();

	private final List<Map<String, Object>> relationships = new ArrayList<>();

	GeneratedGraph() {
		Set<String> keys = new HashSet<>();
		while (this.localNames.size() < 200) {
			int i = this.localNames.size();
			boolean chinese = i % 2 == 0;
			String core = chinese ? han(2 + this.random.nextInt(2)) : word();
			if (!keys.add(NameKeys.of(core).coreKey())) {
				continue;
			}
			String id = "company:gen-local-" + i;
			List<String> names = chinese ? List.of(core + "科技有限公司", MarkKeys.pinyin(core)) : List.of(capital(core) + " Trading Co., Ltd.");
			this.localNames.put(id, names);
			company(id, names.getFirst(), names.subList(1, names.size()), "CN");
		}
		List<String> locals = List.copyOf(this.localNames.keySet());
		for (int f = 0; f < 10; f++) {
			String firm = "company:gen-firm-" + f;
			this.firms.add(firm);
			company(firm, capital(word()) + "zon Inc.", List.of(), "US");
			List<String> subs = new ArrayList<>();
			for (int s = 0; s <= f % 2; s++) {
				String sub = firm + "-sub-" + s;
				company(sub, capital(word()) + " (Beijing) Co., Ltd.", List.of(), "CN");
				rel(sub, "SUBSIDIARY_OF", firm, Map.of());
				subs.add(sub);
			}
			this.subsidiaries.put(firm, subs);
			Set<String> ps = new HashSet<>();
			for (int p = 0; p <= f % 3; p++) {
				String partner = locals.get(this.random.nextInt(locals.size()));
				if (ps.add(partner)) {
					rel(subs.getFirst(), "PARTNER_OF", partner, Map.of("region", "Region " + p, "since", "2015"));
				}
			}
			this.partners.put(firm, ps);
		}
		for (MarkDataGenerator.Row row : this.registrations) {
			Map<String, Object> properties = new HashMap<>(row.asMap());
			properties.put("status", "registered");
			node("Registration", properties);
			String owner = this.random.nextInt(10) == 0 ? this.firms.get(this.random.nextInt(this.firms.size()))
					: locals.get(this.random.nextInt(locals.size()));
			this.owners.put(row.id(), owner);
			if (row.jurisdiction().equals("CN")) {
				this.filedOn.put(row.id(), row.filedOn());
			}
			rel(owner, "OWNS", row.id(), Map.of("from", row.filedOn()));
		}
		// each firm uses a mark in China that someone else filed there first: a partner for even firms
		for (int f = 0; f < this.firms.size(); f++) {
			String firm = this.firms.get(f);
			String text = "Zq" + word() + f;
			String mark = "mark:gen-" + f;
			node("Mark", Map.of("id", mark, "text", text, "aliases", List.of()));
			rel(firm, "USES_MARK", mark, Map.of("jurisdiction", "CN", "since", "2012"));
			boolean byPartner = f % 2 == 0;
			String holder = byPartner ? this.partners.get(firm).iterator().next() : stranger(firm, locals);
			String squat = registration("GEN:" + f + "-squat", text, "2005-03-01", holder);
			registration("GEN:" + f + "-own", text, "2012-06-01", firm);
			this.squatted.put(firm, squat);
			this.squattedByPartner.put(firm, byPartner);
		}
		for (int l = 0; l < 40; l++) {
			String lawsuit = "lawsuit:gen-" + l;
			String jurisdiction = COURT_JURISDICTIONS[this.random.nextInt(COURT_JURISDICTIONS.length)];
			String year = String.valueOf(2010 + this.random.nextInt(11));
			String currency = CURRENCY.get(jurisdiction);
			long amount = 10_000L * (1 + this.random.nextInt(5000));
			node("Lawsuit", Map.of("id", lawsuit, "title", "Generated case " + l, "jurisdiction", jurisdiction, "filedOn", year + "-03"));
			String plaintiff = locals.get(this.random.nextInt(locals.size()));
			String firm = this.firms.get(this.random.nextInt(this.firms.size()));
			String defendant = this.subsidiaries.get(firm).getFirst();
			rel(plaintiff, "PARTY_TO", lawsuit, Map.of("role", "plaintiff"));
			rel(defendant, "PARTY_TO", lawsuit, Map.of("role", "defendant"));
			this.lawsuitsPerCompany.merge(plaintiff, 1, Integer::sum);
			this.lawsuitsPerCompany.merge(defendant, 1, Integer::sum);
			String ruling = "ruling:gen-" + l;
			node("Ruling", Map.of("id", ruling, "instance", "first-instance", "date", year + "-11", "damagesAmount", (double) amount,
					"damagesCurrency", currency));
			rel(lawsuit, "HAS_RULING", ruling, Map.of());
			this.rulings.put(lawsuit, new Object[] { jurisdiction, year, currency, amount });
			if (l % 5 == 0) {
				this.disputedRulings.add(ruling);
				for (int a = 0; a < 2; a++) {
					String assertion = "assertion:gen-" + l + "-" + a;
					node("Assertion", Map.of("id", assertion, "subjectId", ruling, "property", "damagesAmount", "value",
							String.valueOf(amount + a * 1000), "numericValue", (double) (amount + a * 1000)));
					this.relationships.add(Map.of("from", assertion, "type", "ABOUT", "to", ruling, "props", Map.of()));
				}
			}
		}
		for (int s = 0; s < 30; s++) {
			String seizure = "seizure:gen-" + s;
			String country = SEIZURE_COUNTRIES[this.random.nextInt(SEIZURE_COUNTRIES.length)];
			int items = 100 * (1 + this.random.nextInt(100));
			node("Seizure", Map.of("id", seizure, "country", country, "itemCount", items, "date", "2020-0" + (1 + s % 9),
					"goods", "counterfeit goods"));
			String authority = "authority:gen-" + country.toLowerCase(Locale.ROOT);
			if (this.adjacency.get(authority) == null) {
				node("Authority", Map.of("id", authority, "name", "Customs of " + country, "aliases", List.of(), "country", country,
						"nameKeys", NameKeys.indexKeys(List.of("Customs of " + country))));
			}
			rel(authority, "CONDUCTED", seizure, Map.of());
			rel(this.firms.get(s % this.firms.size()), "ASSISTED", seizure, Map.of());
			this.seizures.put(seizure, new Object[] { country, items });
		}
	}

	/** Writes the graph in batches, every node and relationship citing the generator as its source. */
	void load(GraphStore store) {
		store.write("MERGE (s:Source {id: $id}) SET s.title = 'ipgraph test generator, seed 11', s.kind = 'generated'",
				Map.of("id", SOURCE));
		Map<String, List<Map<String, Object>>> byLabel = new LinkedHashMap<>();
		for (Map<String, Object> node : this.nodes) {
			byLabel.computeIfAbsent((String) node.get("label"), k -> new ArrayList<>()).add(node);
		}
		byLabel.forEach((label, rows) -> {
			for (int i = 0; i < rows.size(); i += 2000) {
				store.write("UNWIND $rows AS row CREATE (n:`" + label + "`) SET n = row.props,"
						+ " n.sourceIds = [$source], n.quotes = ['generated row']",
						Map.of("rows", rows.subList(i, Math.min(rows.size(), i + 2000)), "source", SOURCE));
			}
		});
		Map<List<String>, List<Map<String, Object>>> byPattern = new LinkedHashMap<>();
		for (Map<String, Object> rel : this.relationships) {
			List<String> pattern = List.of(this.labels.get((String) rel.get("from")), (String) rel.get("type"),
					this.labels.get((String) rel.get("to")));
			byPattern.computeIfAbsent(pattern, k -> new ArrayList<>()).add(rel);
		}
		byPattern.forEach((pattern, rows) -> {
			for (int i = 0; i < rows.size(); i += 2000) {
				store.write("UNWIND $rows AS row MATCH (a:`" + pattern.get(0) + "` {id: row.from}) MATCH (b:`" + pattern.get(2)
						+ "` {id: row.to}) CREATE (a)-[r:`" + pattern.get(1) + "`]->(b) SET r = row.props, r.sourceIds = [$source],"
						+ " r.quotes = ['generated row']",
						Map.of("rows", rows.subList(i, Math.min(rows.size(), i + 2000)), "source", SOURCE));
			}
		});
	}

	/** Breadth-first distance over every relationship (disputed-claim links aside), or -1 beyond {@code max}. */
	int distance(String from, String to, int max) {
		Set<String> seen = new HashSet<>(List.of(from));
		List<String> frontier = List.of(from);
		for (int d = 1; d <= max; d++) {
			List<String> next = new ArrayList<>();
			for (String n : frontier) {
				for (String m : this.adjacency.getOrDefault(n, Set.of())) {
					if (m.equals(to)) {
						return d;
					}
					if (seen.add(m)) {
						next.add(m);
					}
				}
			}
			frontier = next;
		}
		return -1;
	}

	private String stranger(String firm, List<String> locals) {
		while (true) {
			String candidate = locals.get(this.random.nextInt(locals.size()));
			if (!this.partners.get(firm).contains(candidate)) {
				return candidate;
			}
		}
	}

	private String registration(String id, String text, String filedOn, String owner) {
		MarkKeys keys = MarkKeys.of(text);
		Map<String, Object> properties = new HashMap<>();
		properties.put("id", id);
		properties.put("office", "CTMO");
		properties.put("number", id.substring(4));
		properties.put("jurisdiction", "CN");
		properties.put("markText", text);
		properties.put("classes", List.of(9));
		properties.put("filedOn", filedOn);
		properties.put("status", "registered");
		properties.put("markKey", keys.normalized());
		properties.put("markPinyin", keys.pinyin());
		properties.put("markPhonetic", keys.phonetic());
		properties.put("markDeletes", keys.deletes());
		properties.put("classTokens", MarkKeys.classTokens(List.of(9)));
		node("Registration", properties);
		this.owners.put(id, owner);
		this.filedOn.put(id, filedOn);
		rel(owner, "OWNS", id, Map.of("from", filedOn));
		return id;
	}

	private void company(String id, String name, List<String> aliases, String country) {
		List<String> names = new ArrayList<>(List.of(name));
		names.addAll(aliases);
		node("Company", Map.of("id", id, "name", name, "aliases", aliases, "country", country, "nameKeys", NameKeys.indexKeys(names)));
	}

	private void node(String label, Map<String, Object> properties) {
		this.nodes.add(Map.of("label", label, "props", properties));
		this.labels.put((String) properties.get("id"), label);
		this.adjacency.putIfAbsent((String) properties.get("id"), new HashSet<>());
	}

	private void rel(String from, String type, String to, Map<String, Object> properties) {
		this.relationships.add(Map.of("from", from, "type", type, "to", to, "props", properties));
		this.adjacency.computeIfAbsent(from, k -> new HashSet<>()).add(to);
		this.adjacency.computeIfAbsent(to, k -> new HashSet<>()).add(from);
	}

	private String han(int length) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			out.append(HAN.charAt(this.random.nextInt(HAN.length())));
		}
		return out.toString();
	}

	private String word() {
		String consonants = "bcdfghjklmnprstvwz";
		String vowels = "aeiou";
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 2 + this.random.nextInt(2); i++) {
			word.append(consonants.charAt(this.random.nextInt(consonants.length())));
			word.append(vowels.charAt(this.random.nextInt(vowels.length())));
		}
		return word.toString();
	}

	private static String capital(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
