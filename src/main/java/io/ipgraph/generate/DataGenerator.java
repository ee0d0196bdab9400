package io.ipgraph.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import io.ipgraph.keys.MarkKeys;

/**
 * A seeded generator of realistic IP-dispute data in ipgraph's import format, at any size: foreign firms with
 * their local subsidiaries and partners (with regions and dates), companies with Chinese names, their pinyin and
 * legal forms in both languages, marks with look-alike, sound-alike and transliterated variants, registrations
 * across eight offices and the Nice classes, ownership changes, lawsuits with rulings (damages in the court's
 * currency) and appeals, and seizures that tie sellers, goods and infringed marks into counterfeit networks.
 * The same seed and size give the same file, byte for byte. Nodes come before the relationships that use them,
 * and every line cites a generated Source.
 *
 * <p>Run: {@code bench/generate.sh --nodes 1000000 --seed 42 --out target/generated.jsonl.gz}
 */
public final class DataGenerator {

	private static final String[][] OFFICES = { { "USPTO", "US", "USD" }, { "CTMO", "CN", "CNY" }, { "EUIPO", "EM", "EUR" },
			{ "JPO", "JP", "JPY" }, { "UKIPO", "GB", "GBP" }, { "KIPO", "KR", "KRW" }, { "INPI", "BR", "BRL" }, { "IPINDIA", "IN", "INR" } };

	private static final Map<String, String> NAMES = Map.of("US", "United States", "CN", "China", "EM", "European Union", "JP", "Japan", "GB",
			"United Kingdom", "KR", "South Korea", "BR", "Brazil", "IN", "India");

	private static final String[] FIRM_COUNTRIES = { "US", "DE", "JP", "GB", "FR", "KR" };

	private static final String[] REGIONS = { "Beijing", "Shanghai", "Ningxia", "Guangdong", "Zhejiang", "Sichuan" };

	private static final String HAN = "安宝北博长辰大德东飞丰福光广海航浩华辉佳嘉金锦晶京康科蓝乐立联龙美明南鹏奇启强清瑞盛世顺泰天通万维伟新信星兴雅阳耀益盈宇远云泽智中众";

	private static final String[] HAN_FORMS = { "科技有限公司", "贸易有限公司", "电子有限公司", "股份有限公司" };

	private static final String[] LATIN_FORMS = { "Co., Ltd.", "Inc.", "GmbH", "Ltd", "LLC", "S.A." };

	private static final String[] GOODS = { "phone cases", "headphones", "sneakers", "handbags", "watches", "toys", "cosmetics", "chargers",
			"sunglasses", "balance cars" };

	private final Random random;

	private final long nodes;

	private final long seed;

	private Writer out;

	private final Map<String, Long> nodeCounts = new TreeMap<>();

	private final Map<String, Long> relationshipCounts = new TreeMap<>();

	private long written;

	private String source;

	private int unit;

	private long sourceAt;

	public DataGenerator(long seed, long nodes) {
		this.seed = seed;
		this.nodes = nodes;
		this.random = new Random(seed);
	}

	/** Counts of what was written: nodes per label, relationships per type. */
	public record Counts(Map<String, Long> nodes, Map<String, Long> relationships) {

		public long nodeTotal() {
			return this.nodes.values().stream().mapToLong(Long::longValue).sum();
		}

		public long relationshipTotal() {
			return this.relationships.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Writes the data; {@code progress} gets the share done (0 to 1) now and then. */
	public Counts write(Writer writer, java.util.function.DoubleConsumer progress) throws IOException {
		this.out = writer;
		newSource();
		for (String[] office : OFFICES) {
			node("Jurisdiction", office[1], Map.of("name", NAMES.get(office[1]), "aliases", List.of()));
			node("Office", office[0], Map.of("name", office[0] + " trademark office", "aliases", List.of(), "country", office[1].equals("EM") ? "ES" : office[1]));
			rel("FOR_JURISDICTION", office[0], office[1], Map.of());
			for (int i = 0; i < 2; i++) {
				node("Court", "court:gen-" + office[1].toLowerCase(Locale.ROOT) + "-" + i, Map.of("name", (i == 0 ? "Intellectual Property Court of " : "High Court of ")
						+ office[1], "aliases", List.of(), "level", i == 0 ? "first-instance" : "appeal"));
				rel("IN_JURISDICTION", "court:gen-" + office[1].toLowerCase(Locale.ROOT) + "-" + i, office[1], Map.of());
				node("Authority", "authority:gen-" + office[1].toLowerCase(Locale.ROOT) + "-" + i, Map.of("name", (i == 0 ? "Customs of " : "Market Regulator of ")
						+ office[1], "aliases", List.of(), "kind", i == 0 ? "customs" : "regulator", "country", office[1].equals("EM") ? "BE" : office[1]));
			}
		}
		for (int p = 0; p < 200; p++) {
			node("Product", "product:gen-" + p, Map.of("name", GOODS[p % GOODS.length] + " model " + p, "aliases", List.of(), "category", GOODS[p % GOODS.length]));
		}
		long reportEvery = Math.max(1, this.nodes / 20);
		long nextReport = reportEvery;
		while (this.nodeCounts.values().stream().mapToLong(Long::longValue).sum() < this.nodes) {
			unit();
			long done = this.nodeCounts.values().stream().mapToLong(Long::longValue).sum();
			if (done >= nextReport) {
				progress.accept(Math.min(1.0, (double) done / this.nodes));
				nextReport += reportEvery;
			}
			if (this.written - this.sourceAt >= 10_000) {
				newSource();
			}
		}
		this.out.flush();
		progress.accept(1.0);
		return new Counts(Map.copyOf(this.nodeCounts), Map.copyOf(this.relationshipCounts));
	}

	/** One foreign firm and the world around it in one territory. */
	private void unit() throws IOException {
		int u = this.unit++;
		String[] home = OFFICES[this.random.nextInt(OFFICES.length)];
		String[] local = OFFICES[1 + this.random.nextInt(OFFICES.length - 1)];
		String firmWord = word();
		String firm = "company:gen-" + u;
		String firmCountry = FIRM_COUNTRIES[this.random.nextInt(FIRM_COUNTRIES.length)];
		node("Company", firm, company(capital(firmWord) + " " + LATIN_FORMS[this.random.nextInt(LATIN_FORMS.length)],
				List.of(capital(firmWord), firmWord.toUpperCase(Locale.ROOT)), firmCountry));
		List<String> subsidiaries = new ArrayList<>();
		for (int s = 0; s < 2; s++) {
			String sub = firm + "-sub-" + s;
			node("Company", sub, company(capital(firmWord) + " (" + REGIONS[this.random.nextInt(REGIONS.length)] + ") Trading Co., Ltd.", List.of(),
					local[1].equals("EM") ? "DE" : local[1]));
			rel("SUBSIDIARY_OF", sub, firm, Map.of());
			subsidiaries.add(sub);
		}
		List<String> locals = new ArrayList<>();
		for (int l = 0; l < 5; l++) {
			String id = firm + "-local-" + l;
			String core = han(2 + this.random.nextInt(2));
			String pinyin = capital(MarkKeys.pinyin(core));
			node("Company", id, company(core + HAN_FORMS[this.random.nextInt(HAN_FORMS.length)],
					List.of(pinyin + " Technology Co., Ltd.", pinyin), "CN"));
			locals.add(id);
		}
		for (int p = 0; p < 2; p++) {
			rel("PARTNER_OF", subsidiaries.get(p), locals.get(p), Map.of("region", REGIONS[this.random.nextInt(REGIONS.length)], "scope",
					"cloud services", "since", String.valueOf(2008 + this.random.nextInt(15))));
		}
		List<String> marks = new ArrayList<>();
		List<String> markTexts = new ArrayList<>();
		for (int m = 0; m < 3; m++) {
			String text = m == 0 ? firmWord.toUpperCase(Locale.ROOT) : word().toUpperCase(Locale.ROOT);
			String mark = "mark:gen-" + u + "-" + m;
			node("Mark", mark, Map.of("text", text, "aliases", List.of(MarkKeys.pinyin(han(2))), "kind", "word"));
			rel("USES_MARK", firm, mark, Map.of("jurisdiction", local[1], "since", String.valueOf(2005 + this.random.nextInt(18))));
			rel("USES_MARK", subsidiaries.get(m % 2), mark, Map.of("jurisdiction", local[1]));
			marks.add(mark);
			markTexts.add(text);
		}
		List<String> registrations = new ArrayList<>();
		for (int r = 0; r < 14; r++) {
			int m = r % 3;
			boolean squat = r >= 9;
			String[] office = squat ? local : OFFICES[this.random.nextInt(OFFICES.length)];
			String text = squat ? variant(markTexts.get(m)) : markTexts.get(m);
			String id = registration(office, text, u, r);
			registrations.add(id);
			rel("OF_MARK", id, marks.get(m), Map.of());
			int holder = this.random.nextInt(locals.size());
			String owner = squat ? locals.get(holder) : r % 4 == 0 ? subsidiaries.get(r % 2) : firm;
			rel("OWNS", owner, id, Map.of("role", "registrant"));
			if (r % 5 == 0) {
				// an ownership change: the registration passes to another local company
				rel("OWNS", locals.get((holder + 1) % locals.size()), id, Map.of("role", "assignee", "from", String.valueOf(2015 + this.random.nextInt(8))));
			}
		}
		String[] court = local;
		String lawsuit = "lawsuit:gen-" + u;
		String year = String.valueOf(2012 + this.random.nextInt(12));
		node("Lawsuit", lawsuit, Map.of("title", "Generated case " + u, "caseNumber", "(" + year + ") Gen No. " + u, "filedOn", year + "-0"
				+ (1 + this.random.nextInt(9)), "jurisdiction", court[1], "status", "decided"));
		rel("PARTY_TO", locals.get(2), lawsuit, Map.of("role", "plaintiff"));
		rel("PARTY_TO", subsidiaries.get(0), lawsuit, Map.of("role", "defendant"));
		rel("PARTY_TO", locals.get(0), lawsuit, Map.of("role", "defendant"));
		String courtId = "court:gen-" + court[1].toLowerCase(Locale.ROOT) + "-0";
		rel("HEARD_BY", lawsuit, courtId, Map.of());
		rel("INVOLVES_REGISTRATION", lawsuit, registrations.get(9), Map.of());
		rel("INVOLVES_MARK", lawsuit, marks.get(0), Map.of());
		String ruling = "ruling:gen-" + u;
		node("Ruling", ruling, Map.of("instance", "first-instance", "date", year + "-12", "outcome", "infringement found", "damagesAmount",
				(double) (10_000 * (1 + this.random.nextInt(10_000))), "damagesCurrency", court[2]));
		rel("HAS_RULING", lawsuit, ruling, Map.of());
		rel("ISSUED_BY", ruling, courtId, Map.of());
		if (u % 3 == 0) {
			String appeal = "appeal:gen-" + u;
			node("Appeal", appeal, Map.of("filedOn", String.valueOf(Integer.parseInt(year) + 1), "status", "pending"));
			rel("APPEALS", appeal, ruling, Map.of());
			rel("FILED_APPEAL", subsidiaries.get(0), appeal, Map.of());
			rel("TO_COURT", appeal, "court:gen-" + court[1].toLowerCase(Locale.ROOT) + "-1", Map.of());
		}
		for (int s = 0; s < 2; s++) {
			String seizure = "seizure:gen-" + u + "-" + s;
			String goods = GOODS[this.random.nextInt(GOODS.length)];
			node("Seizure", seizure, Map.of("date", (2016 + this.random.nextInt(9)) + "-0" + (1 + this.random.nextInt(9)), "place", "Port of "
					+ local[1], "country", local[1].equals("EM") ? "DE" : local[1], "goods", "counterfeit " + goods, "itemCount",
					(long) (100 * (1 + this.random.nextInt(500))), "valueAmount", (double) (1000 * (1 + this.random.nextInt(1000))), "valueCurrency",
					local[2]));
			rel("CONDUCTED", "authority:gen-" + local[1].toLowerCase(Locale.ROOT) + "-" + s, seizure, Map.of());
			rel("ASSISTED", firm, seizure, Map.of());
			rel("IN_JURISDICTION", seizure, local[1], Map.of());
			for (int k = 0; k < 3; k++) {
				rel("SOLD_BY", seizure, locals.get((s + k) % locals.size()), Map.of());
			}
			rel("INFRINGED", seizure, marks.get(s), Map.of());
			rel("INFRINGED", seizure, marks.get(2), Map.of());
			int product = this.random.nextInt(200);
			rel("SEIZED_GOODS", seizure, "product:gen-" + product, Map.of());
			rel("SEIZED_GOODS", seizure, "product:gen-" + (product + 1 + this.random.nextInt(199)) % 200, Map.of());
		}
	}

	private String registration(String[] office, String text, int u, int r) throws IOException {
		long n = (long) u * 14 + r;
		String number = switch (office[0]) {
			case "USPTO" -> String.valueOf(70_000_000L + n);
			case "EUIPO" -> String.valueOf(100_000_000L + n);
			case "UKIPO" -> "UK" + (10_000_000L + n);
			default -> String.valueOf(1_000_000L + n);
		};
		int filed = 1995 + this.random.nextInt(28);
		String filedOn = String.format(Locale.ROOT, "%d-%02d-%02d", filed, 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
		List<Long> classes = new ArrayList<>();
		int k = 1 + this.random.nextInt(3);
		while (classes.size() < k) {
			long c = 1 + this.random.nextInt(45);
			if (!classes.contains(c)) {
				classes.add(c);
			}
		}
		classes.sort(Long::compare);
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("office", office[0]);
		props.put("number", number);
		props.put("jurisdiction", office[1]);
		props.put("markText", text);
		props.put("classes", classes);
		props.put("filedOn", filedOn);
		if (this.random.nextInt(4) > 0) {
			props.put("registeredOn", String.valueOf(filed + 1 + this.random.nextInt(3)));
			props.put("status", "registered");
		}
		else {
			props.put("status", "application");
		}
		String id = office[0] + ":" + number;
		node("Registration", id, props);
		rel("REGISTERED_AT", id, office[0], Map.of());
		return id;
	}

	/** A look-alike (one letter changed), a sound-alike (c/k, ph/f ...) or a transliteration of a mark text. */
	private String variant(String text) {
		return switch (this.random.nextInt(4)) {
			case 0 -> {
				int at = this.random.nextInt(text.length());
				yield text.substring(0, at) + (char) ('A' + this.random.nextInt(26)) + text.substring(Math.min(text.length(), at + 1));
			}
			case 1 -> text.replace("C", "K").replace("PH", "F").replace("S", "Z");
			case 2 -> text + "-" + text.charAt(0);
			default -> text.toLowerCase(Locale.ROOT);
		};
	}

	private Map<String, Object> company(String name, List<String> aliases, String country) {
		return Map.of("name", name, "aliases", aliases, "country", country);
	}

	private void newSource() throws IOException {
		this.sourceAt = this.written;
		this.source = "src:generated-" + this.seed + "-" + this.nodeCounts.getOrDefault("Source", 0L);
		line("node", "Source", this.source, null, null, Map.of("title", "ipgraph generator, seed " + this.seed, "kind", "generated", "note",
				"generated data, not facts about real parties"), false);
	}

	private void node(String label, String id, Map<String, Object> props) throws IOException {
		line("node", label, id, null, null, props, true);
	}

	private void rel(String type, String from, String to, Map<String, Object> props) throws IOException {
		line("relationship", type, null, from, to, props, true);
	}

	private void line(String kind, String labelOrType, String id, String from, String to, Map<String, Object> props, boolean cite)
			throws IOException {
		StringBuilder b = new StringBuilder(256);
		b.append("{\"kind\":\"").append(kind).append("\",");
		if (kind.equals("node")) {
			b.append("\"label\":\"").append(labelOrType).append("\",\"id\":");
			JsonText.append(b, id);
			this.nodeCounts.merge(labelOrType, 1L, Long::sum);
		}
		else {
			b.append("\"type\":\"").append(labelOrType).append("\",\"from\":");
			JsonText.append(b, from);
			b.append(",\"to\":");
			JsonText.append(b, to);
			this.relationshipCounts.merge(labelOrType, 1L, Long::sum);
		}
		b.append(",\"properties\":{");
		boolean first = true;
		for (Map.Entry<String, Object> p : new TreeMap<>(props).entrySet()) {
			if (!first) {
				b.append(',');
			}
			first = false;
			JsonText.append(b, p.getKey());
			b.append(':');
			JsonText.append(b, p.getValue());
		}
		b.append('}');
		if (cite) {
			b.append(",\"sources\":[{\"id\":");
			JsonText.append(b, this.source);
			b.append(",\"quote\":\"generated unit ").append(this.unit).append("\"}]");
		}
		b.append("}\n");
		this.out.write(b.toString());
		this.written++;
	}

	private String word() {
		String consonants = "bcdfghjklmnprstvwz";
		String vowels = "aeiou";
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 2 + this.random.nextInt(2); i++) {
			word.append(consonants.charAt(this.random.nextInt(consonants.length())));
			word.append(vowels.charAt(this.random.nextInt(vowels.length())));
			if (this.random.nextBoolean()) {
				word.append(consonants.charAt(this.random.nextInt(consonants.length())));
			}
		}
		return word.toString();
	}

	private String han(int length) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			out.append(HAN.charAt(this.random.nextInt(HAN.length())));
		}
		return out.toString();
	}

	private static String capital(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** {@code --nodes N --seed S --out FILE} ({@code -} for standard output, {@code .gz} compresses). */
	public static void main(String[] args) throws IOException {
		long nodes = 10_000;
		long seed = 42;
		String file = "-";
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--nodes" -> nodes = Long.parseLong(args[i + 1]);
				case "--seed" -> seed = Long.parseLong(args[i + 1]);
				case "--out" -> file = args[i + 1];
				default -> {
					System.err.println("usage: --nodes N --seed S --out FILE");
					System.exit(2);
				}
			}
		}
		long started = System.nanoTime();
		OutputStream stream = file.equals("-") ? System.out : Files.newOutputStream(Path.of(file));
		if (file.endsWith(".gz")) {
			stream = new GZIPOutputStream(stream, 1 << 16);
		}
		Counts counts;
		try (Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
			counts = new DataGenerator(seed, nodes).write(writer, done -> System.err.printf(Locale.ROOT, "\rgenerated %3.0f%%", done * 100));
		}
		System.err.printf(Locale.ROOT, "%n%,d nodes %s%n%,d relationships %s%nin %.1f s%n", counts.nodeTotal(), counts.nodes(),
				counts.relationshipTotal(), counts.relationships(), (System.nanoTime() - started) / 1e9);
	}

}
