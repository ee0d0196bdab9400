package io.ipgraph.conflict;

import java.text.Normalizer;
import java.util.Locale;

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

	/** Full-width to half-width (NFKC), lower case, letters and digits only. */
	static String normalize(String text) {
		String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder();
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Chinese characters to toneless pinyin syllables; everything else kept. */
	static String pinyin(String normalized) {
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
