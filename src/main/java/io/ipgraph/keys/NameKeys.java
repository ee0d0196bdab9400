package io.ipgraph.keys;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;


/**
 * How a name of a company, person or authority is folded for entity resolution.
 * <ul>
 * <li>{@code normalized}: full-width to half-width (NFKC), lower case, punctuation to spaces, {@code &} to "and",
 * legal-form suffixes dropped in English and Chinese ("Inc.", "Co., Ltd.", "GmbH", 有限责任公司, 株式会社 ...),
 * and a trailing web domain ("Huanghuanxin.com");</li>
 * <li>{@code normalizedKey}: the same, in Latin letters (Chinese characters as toneless pinyin), without spaces,
 * so 光环新网 and "Guanghuan Xinwang" meet;</li>
 * <li>{@code coreKey}: the normalized key without place names and generic words (technology, development,
 * services, 科技, 发展, 北京 ...), so "Beijing ActionSoft Science and Technology Development Company" and
 * "ActionSoft" meet;</li>
 * <li>{@code tradeKey}: the core key without the words that say what a firm trades in (wine, sports, coffee shop,
 * garment factory, 体育用品, 咖啡馆 ...), so "Dafeng Garment Factory" and "Dafeng Garment Co." meet, and so do
 * 廷飞龙体育用品有限公司 and "Tingfeilong Sports Company".</li>
 * </ul>
 * Accents on Latin letters do not count ("Hermès" is "Hermes"), nor do the dots of initials ("S.A." is "SA").
 * The keys are stored on every named node ({@code nameKeys}) and indexed, so candidates come from index seeks.
 */
public record NameKeys(String name, String normalized, String normalizedKey, String coreKey, String tradeKey, boolean han) {

	/** Marks the name keys of this version of the folding, so that keys written by an earlier one are computed again. */
	public static final String VERSION = "v_2";

	/** Legal forms, as whole trailing (or leading) words once punctuation is gone. */
	private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
			"limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "kk", "pty", "pte",
			"oy", "ab", "kg", "se", "ug", "pllc", "lda", "ltda", "kabushiki", "kaisha", "yugen");

	/** Trailing web domains of names such as "Amazon.com" or "Huanghuanxin.com". */
	private static final Set<String> DOMAINS = Set.of("com", "net", "org", "cn", "jp", "co.uk");

	/** Chinese and Japanese legal forms, longest first. */
	private static final List<String> HAN_LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "责任有限公司", "有限公司", "集团公司", "股份公司",
			"责任公司", "株式会社", "有限会社", "合同会社", "公司");

	/** Words that say what or where a firm is rather than who: dropped from the core key. */
	private static final Set<String> GENERIC = Set.of("the", "and", "of", "technology", "technologies", "tech", "science", "sciences",
			"scientific", "development", "developments", "service", "services", "group", "holding", "holdings", "international",
			"intl", "trading", "trade", "industrial", "industries", "industry", "enterprise", "enterprises", "software", "network",
			"networks", "information", "system", "systems", "solutions", "web", "digital", "electronic", "electronics", "products",
			"manufacturing", "commerce", "global", "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou", "yiwu", "ningxia",
			"hong", "kong", "china", "chinese", "japan", "usa", "america", "american", "us", "uk", "europe", "european", "asia",
			"economic", "technological", "area", "zone", "fujian", "chongqing", "tianjin", "jinjiang", "zhejiang", "wenzhou",
			"zhangjiagang", "hainan", "guangdong", "foshan", "tokyo", "paris", "seattle", "italian", "italy", "france", "french",
			"spain", "spanish", "australia", "australian");

	/** Words that say what a firm trades in: dropped from the trade key. */
	private static final Set<String> TRADE = Set.of("wine", "wines", "winery", "estates", "sport", "sports", "sportswear", "sporting",
			"goods", "coffee", "cafe", "shop", "bar", "textile", "textiles", "products", "food", "foods", "garment", "garments",
			"factory", "motor", "motors", "marketing", "distribution");

	private static final List<String> HAN_GENERIC = List.of("科技", "技术", "发展", "服务", "集团", "国际", "贸易", "网络", "信息", "软件",
			"电子", "商务", "实业", "控股", "工业", "北京", "上海", "深圳", "广州", "杭州", "义乌", "宁夏", "中国", "香港", "福建", "重庆", "天津",
			"晋江", "浙江", "温州", "海南", "广东");

	/** Chinese words that say what a firm trades in, longest first. */
	private static final List<String> HAN_TRADE = List.of("体育用品", "咖啡馆", "纺织品", "葡萄酒", "体育", "用品", "咖啡", "纺织", "服装", "食品",
			"酒业", "酒庄");

	private static final Pattern LATIN_MARKS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");

	public static NameKeys of(String name) {
		String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("&", " and ");
		// accents on Latin letters only: the marks of Japanese kana (ガ) stay
		folded = Normalizer.normalize(LATIN_MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll(""), Normalizer.Form.NFC);
		boolean han = folded.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		List<String> words = new ArrayList<>(words(folded));
		words.removeIf(w -> w.startsWith("."));
		stripLegalForms(words);
		String normalized = String.join(" ", words);
		List<String> core = new ArrayList<>();
		for (String word : words) {
			String w = word;
			if (hasHan(w)) {
				for (String generic : HAN_GENERIC) {
					w = w.replace(generic, "");
				}
			}
			if (!w.isEmpty() && !GENERIC.contains(w)) {
				core.add(w);
			}
		}
		List<String> trade = new ArrayList<>();
		for (String word : core) {
			String w = word;
			if (hasHan(w)) {
				for (String generic : HAN_TRADE) {
					w = w.replace(generic, "");
				}
			}
			if (!w.isEmpty() && !TRADE.contains(w)) {
				trade.add(w);
			}
		}
		String normalizedKey = key(normalized);
		String coreKey = core.isEmpty() ? normalizedKey : key(String.join(" ", core));
		String tradeKey = trade.isEmpty() ? coreKey : key(String.join(" ", trade));
		return new NameKeys(name, normalized, normalizedKey, coreKey, tradeKey, han);
	}

	/** Words of the normalized name, in order. */
	public List<String> words() {
		return this.normalized.isEmpty() ? List.of() : List.of(this.normalized.split(" "));
	}

	/** Whether a word of a normalized name says where or what a firm is rather than who. */
	public static boolean descriptive(String word) {
		return GENERIC.contains(word) || TRADE.contains(word) || isLegalForm(word);
	}

	/**
	 * The index terms of an entity's names: {@code n_<normalizedKey>}, {@code c_<coreKey>} and {@code c_<tradeKey>}
	 * for each name, and the {@link #VERSION} of the folding.
	 */
	public static List<String> indexKeys(Collection<String> names) {
		Set<String> keys = new LinkedHashSet<>();
		for (String name : names) {
			NameKeys k = of(name);
			if (!k.normalizedKey().isEmpty()) {
				keys.add("n_" + k.normalizedKey());
				keys.add("c_" + k.coreKey());
				keys.add("c_" + k.tradeKey());
			}
		}
		keys.add(VERSION);
		return List.copyOf(keys);
	}

	/** Words of folded text; Chinese legal forms are split off so they can be dropped like English ones. */
	private static List<String> words(String folded) {
		List<String> words = new ArrayList<>();
		for (String token : folded.split("[^\\p{L}\\p{N}.]+")) {
			String t = token;
			// dots stay inside domains ("amazon.com") and are dropped elsewhere ("co." -> "co")
			String[] parts = t.split("\\.");
			// initials with dots ("s.a.", "u.s.") are one word
			if (parts.length > 1 && Arrays.stream(parts).allMatch(p -> p.codePointCount(0, p.length()) == 1)) {
				words.add(String.join("", parts));
				continue;
			}
			if (parts.length == 2 && DOMAINS.contains(parts[1])) {
				words.add(parts[0]);
				words.add("." + parts[1]);
				continue;
			}
			for (String part : parts) {
				if (!part.isEmpty()) {
					words.addAll(splitHanLegalForm(part));
				}
			}
		}
		return words;
	}

	private static List<String> splitHanLegalForm(String word) {
		if (!hasHan(word)) {
			return List.of(word);
		}
		for (String form : HAN_LEGAL_FORMS) {
			if (word.endsWith(form) && word.length() > form.length()) {
				List<String> out = new ArrayList<>(splitHanLegalForm(word.substring(0, word.length() - form.length())));
				out.add(form);
				return out;
			}
			if (word.startsWith(form) && word.length() > form.length()) {
				List<String> out = new ArrayList<>();
				out.add(form);
				out.addAll(splitHanLegalForm(word.substring(form.length())));
				return out;
			}
		}
		return List.of(word);
	}

	private static void stripLegalForms(List<String> words) {
		while (words.size() > 1 && isLegalForm(words.getLast())) {
			words.removeLast();
		}
		while (words.size() > 1 && isLegalForm(words.getFirst())) {
			words.removeFirst();
		}
	}

	private static boolean isLegalForm(String word) {
		return LEGAL_FORMS.contains(word) || HAN_LEGAL_FORMS.contains(word);
	}

	private static boolean hasHan(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	/** Latin letters and digits only, Chinese characters as pinyin. */
	private static String key(String text) {
		String pinyin = MarkKeys.pinyin(text);
		StringBuilder out = new StringBuilder();
		pinyin.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	@Override
	public String toString() {
		return Arrays.asList(this.normalized, this.normalizedKey, this.coreKey, this.tradeKey).toString();
	}

}
