package io.ipgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ipgraph.model.BadRequestException;

/**
 * Builds the Lucene query for {@code search} from what a user typed. Every character with a meaning in
 * Lucene's syntax is escaped, so the text is always searched as text; Latin-script words get fuzzy and
 * prefix variants so that typos still match, and runs of CJK characters are searched as phrases (the
 * analyzer splits them into single characters).
 */
final class LuceneQuery {

	private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

	private LuceneQuery() {
	}

	static String of(String text) {
		if (text == null || text.isBlank()) {
			throw new BadRequestException("search needs a non-empty query");
		}
		if (text.length() > 200) {
			throw new BadRequestException("search query is longer than 200 characters");
		}
		List<String> clauses = new ArrayList<>();
		for (String token : tokens(text)) {
			if (token.codePoints().anyMatch(LuceneQuery::isCjk)) {
				clauses.add("\"" + escape(token) + "\"");
				continue;
			}
			String t = escape(token.toLowerCase(Locale.ROOT));
			int letters = token.length();
			StringBuilder clause = new StringBuilder("(").append(t).append("^3");
			if (letters >= 3) {
				clause.append(" OR ").append(t).append("*^2");
			}
			if (letters >= 4) {
				clause.append(" OR ").append(t).append(letters >= 8 ? "~2" : "~1");
			}
			clauses.add(clause.append(")").toString());
		}
		if (clauses.isEmpty()) {
			throw new BadRequestException("search query has no letters or digits");
		}
		return String.join(" ", clauses);
	}

	/** Splits into runs of letters/digits, keeping CJK runs apart from Latin ones. */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Boolean currentCjk = null;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (!Character.isLetterOrDigit(cp)) {
				flush(tokens, current);
				currentCjk = null;
				continue;
			}
			boolean cjk = isCjk(cp);
			if (currentCjk != null && currentCjk != cjk) {
				flush(tokens, current);
			}
			currentCjk = cjk;
			current.appendCodePoint(cp);
		}
		flush(tokens, current);
		return tokens.size() > 16 ? tokens.subList(0, 16) : tokens;
	}

	private static void flush(List<String> tokens, StringBuilder current) {
		if (!current.isEmpty()) {
			tokens.add(current.toString());
			current.setLength(0);
		}
	}

	static boolean isCjk(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	private static String escape(String token) {
		StringBuilder out = new StringBuilder();
		for (char c : token.toCharArray()) {
			if (SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

}
