package io.ipgraph.keys;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.ipgraph.conflict.ConflictScorer;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The comparison keys of a mark's text, stored on every registration so that conflict candidates come from
 * index seeks: {@code normalized} (width, case and punctuation folded), {@code pinyin} (Chinese characters
 * transliterated, so 炎黄 and "Yanhuang" meet) and {@code phonetic} (Double Metaphone of the pinyin form).
 */
public record MarkKeys(String normalized, String pinyin, String phonetic) {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(() -> {
		DoubleMetaphone metaphone = new DoubleMetaphone();
		metaphone.setMaxCodeLen(8);
		return metaphone;
	});

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	public static MarkKeys of(String text) {
		String normalized = normalize(text);
		String pinyin = pinyin(normalized);
		String latin = pinyin.replaceAll("[^a-z]", "");
		String phonetic = latin.isEmpty() ? pinyin : METAPHONE.get().doubleMetaphone(latin);
		return new MarkKeys(normalized, pinyin, phonetic == null ? "" : phonetic);
	}

	/** Longest pinyin key whose two-letter deletions are stored; longer keys store one-letter deletions only. */
	public static final int MAX_KEY_FOR_TWO_DELETES = 14;

	/**
	 * The pinyin key and every string one or two deletions away from it. Two keys within two edits share at
	 * least one of these, so an exact-term index lookup on them finds spelling variants without a fuzzy scan.
	 */
	public List<String> deletes() {
		Set<String> out = new LinkedHashSet<>();
		out.add(this.pinyin);
		Set<String> one = new LinkedHashSet<>();
		for (int i = 0; i < this.pinyin.length(); i++) {
			one.add(this.pinyin.substring(0, i) + this.pinyin.substring(i + 1));
		}
		out.addAll(one);
		if (this.pinyin.length() <= MAX_KEY_FOR_TWO_DELETES) {
			for (String d : one) {
				for (int i = 0; i < d.length(); i++) {
					out.add(d.substring(0, i) + d.substring(i + 1));
				}
			}
		}
		// two texts count as spelling variants only when similar enough (see ConflictScorer), so their common
		// deletion is at least 60 % of the longer one: shorter deletions (single letters, ...) would only add noise
		int shortest = Math.max(2, (int) Math.ceil(0.6 * this.pinyin.length()));
		out.removeIf(d -> d.length() < shortest && !d.equals(this.pinyin));
		return List.copyOf(out);
	}

	/** Classes as index tokens ({@code c9 c42}), so the full-text index can prefer shared classes. */
	public static String classTokens(List<Integer> classes) {
		return String.join(" ", classes.stream().map(c -> "c" + c).toList());
	}

	/** Full-width to half-width (NFKC), lower case, letters and digits only. */
	public static String normalize(String text) {
		String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder();
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Chinese characters to toneless pinyin syllables; everything else kept. */
	public static String pinyin(String normalized) {
		StringBuilder out = new StringBuilder();
		for (char c : normalized.toCharArray()) {
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				try {
					String[] syllables = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
					out.append(syllables != null && syllables.length > 0 ? syllables[0] : String.valueOf(c));
				}
				catch (BadHanyuPinyinOutputFormatCombination ex) {
					out.append(c);
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
