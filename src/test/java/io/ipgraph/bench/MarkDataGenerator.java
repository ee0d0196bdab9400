package io.ipgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.ipgraph.keys.MarkKeys;

/**
 * Seeded generator of trademark registrations for conflict-search measurements: base marks (invented Latin
 * words and Chinese-character names) and, around each, the variants conflict search must find: the same text,
 * case and punctuation variants, one- and two-letter typos, sound-alike spellings, and pinyin transliterations
 * of Chinese names, spread over offices, classes and filing dates.
 */
public final class MarkDataGenerator {

	static final String[] JURISDICTIONS = { "CN", "US", "EM", "JP", "GB", "BR", "IN", "KR" };

	private static final String CONSONANTS = "bcdfghjklmnprstvwz";

	private static final String VOWELS = "aeiou";

	private static final String HAN = "安宝北博长辰大德东飞丰福光广海航浩华辉佳嘉金锦晶京康科蓝乐立联龙美明南鹏奇启强清瑞盛世顺泰天通万维伟新信星兴雅阳耀益盈宇远云泽智中众";

	private final Random random;

	public MarkDataGenerator(long seed) {
		this.random = new Random(seed);
	}

	/** One registration row, ready for the import query. */
	public record Row(String id, String office, String number, String jurisdiction, String markText, List<Integer> classes,
			String filedOn, MarkKeys keys) {

		public Map<String, Object> asMap() {
			return Map.ofEntries(Map.entry("id", this.id), Map.entry("office", this.office), Map.entry("number", this.number),
					Map.entry("jurisdiction", this.jurisdiction), Map.entry("markText", this.markText), Map.entry("classes", this.classes),
					Map.entry("filedOn", this.filedOn), Map.entry("markKey", this.keys.normalized()), Map.entry("markPinyin", this.keys.pinyin()),
					Map.entry("markPhonetic", this.keys.phonetic()), Map.entry("markDeletes", this.keys.deletes()),
					Map.entry("classTokens", MarkKeys.classTokens(this.classes)));
		}

	}

	/** {@code count} registrations, about eight per base mark. */
	public List<Row> registrations(int count) {
		List<Row> rows = new ArrayList<>(count);
		while (rows.size() < count) {
			String base = this.random.nextInt(5) == 0 ? han() : word();
			for (String variant : variants(base)) {
				if (rows.size() == count) {
					break;
				}
				String jurisdiction = JURISDICTIONS[this.random.nextInt(JURISDICTIONS.length)];
				int n = rows.size();
				String office = jurisdiction + "-TMO";
				rows.add(new Row(office + ":" + (1_000_000 + n), office, String.valueOf(1_000_000 + n), jurisdiction, variant, classes(),
						date(), MarkKeys.of(variant)));
			}
		}
		return rows;
	}

	/** Query marks: base-like texts drawn the same way as the data. */
	public String queryText() {
		return this.random.nextInt(5) == 0 ? han() : word();
	}

	public List<Integer> classes() {
		List<Integer> classes = new ArrayList<>();
		int k = 1 + this.random.nextInt(3);
		while (classes.size() < k) {
			int c = 1 + this.random.nextInt(45);
			if (!classes.contains(c)) {
				classes.add(c);
			}
		}
		return classes;
	}

	public String date() {
		int year = 1990 + this.random.nextInt(36);
		return this.random.nextInt(4) == 0 ? String.valueOf(year)
				: String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
	}

	public String jurisdiction() {
		return JURISDICTIONS[this.random.nextInt(JURISDICTIONS.length)];
	}

	private String word() {
		StringBuilder word = new StringBuilder();
		int syllables = 1 + this.random.nextInt(3);
		for (int i = 0; i < syllables; i++) {
			word.append(CONSONANTS.charAt(this.random.nextInt(CONSONANTS.length())));
			word.append(VOWELS.charAt(this.random.nextInt(VOWELS.length())));
			if (this.random.nextBoolean()) {
				word.append(CONSONANTS.charAt(this.random.nextInt(CONSONANTS.length())));
			}
		}
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private String han() {
		StringBuilder name = new StringBuilder();
		int length = 2 + this.random.nextInt(2);
		for (int i = 0; i < length; i++) {
			name.append(HAN.charAt(this.random.nextInt(HAN.length())));
		}
		return name.toString();
	}

	private List<String> variants(String base) {
		List<String> variants = new ArrayList<>(List.of(base, base.toUpperCase(Locale.ROOT)));
		boolean han = Character.UnicodeScript.of(base.charAt(0)) == Character.UnicodeScript.HAN;
		if (han) {
			String pinyin = MarkKeys.of(base).pinyin();
			variants.add(Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1));
			variants.add(pinyin.toUpperCase(Locale.ROOT));
			variants.add(base + "科技");
		}
		else {
			variants.add(String.join(".", base.split("")));
			variants.add(typo(base));
			variants.add(typo(typo(base)));
			variants.add(soundAlike(base));
		}
		variants.add(han ? han() : word());
		variants.add(han ? han() : word());
		return variants;
	}

	private String typo(String word) {
		StringBuilder out = new StringBuilder(word);
		int at = this.random.nextInt(out.length());
		switch (this.random.nextInt(3)) {
			case 0 -> out.setCharAt(at, VOWELS.charAt(this.random.nextInt(VOWELS.length())));
			case 1 -> out.insert(at, CONSONANTS.charAt(this.random.nextInt(CONSONANTS.length())));
			default -> {
				if (out.length() > 2) {
					out.deleteCharAt(at);
				}
			}
		}
		return out.toString();
	}

	private static String soundAlike(String word) {
		return word.replace("c", "k").replace("s", "z").replace("f", "ph").replace("C", "K").replace("S", "Z").replace("F", "Ph");
	}

}
