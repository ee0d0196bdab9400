package io.ipgraph.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.ipgraph.conflict.ConflictScorer;
import io.ipgraph.keys.NameKeys;

/**
 * Compares two names and says why they may name the same entity. Each reason has a weight between 0 and 1;
 * a match scores its strongest reason.
 */
public final class NameMatcher {

	static final double IDENTICAL = 1.0;

	static final double NORMALIZED = 0.95;

	static final double TRANSLITERATION = 0.9;

	static final double CORE = 0.75;

	/** Core names that meet once the words of what the firm trades in are gone, or names without a middle name. */
	static final double TRADE = 0.7;

	/** Least length of a trade key that counts: shorter ones say too little. */
	static final int MIN_TRADE_KEY = 4;

	/** Spelling variants score this times their similarity. */
	static final double SPELLING = 0.7;

	/** Least similarity of two core keys for a spelling reason (and at most two edits apart). */
	static final double MIN_SIMILARITY = 0.8;

	private NameMatcher() {
	}

	/** One reason two names may be the same. */
	public record Reason(String kind, double weight, String detail) {
	}

	/** Why {@code probe} may name what {@code name} names, strongest reason first; empty when nothing matches. */
	public static Optional<List<Reason>> compare(String probe, String name) {
		List<Reason> reasons = new ArrayList<>();
		if (probe.strip().equals(name.strip())) {
			reasons.add(new Reason("identical-name", IDENTICAL, "'" + name + "' as written"));
		}
		NameKeys a = NameKeys.of(probe);
		NameKeys b = NameKeys.of(name);
		if (a.normalizedKey().isEmpty() || b.normalizedKey().isEmpty()) {
			return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
		}
		if (a.normalizedKey().equals(b.normalizedKey())) {
			if (a.han() != b.han()) {
				NameKeys chinese = a.han() ? a : b;
				reasons.add(new Reason("transliteration", TRANSLITERATION,
						"'" + chinese.name() + "' reads '" + chinese.normalizedKey() + "' in pinyin, as '" + (a.han() ? b : a).name() + "' is written"));
			}
			else if (reasons.isEmpty()) {
				reasons.add(new Reason("normalized-name", NORMALIZED, "'" + probe + "' and '" + name
						+ "' are the same once case, width, punctuation and legal forms are folded ('" + a.normalized() + "')"));
			}
		}
		else if (a.coreKey().equals(b.coreKey())) {
			reasons.add(new Reason("core-name", CORE, "'" + probe + "' and '" + name + "' both reduce to '" + a.coreKey()
					+ "' without place names, generic words and legal forms" + (a.han() != b.han() ? " (Chinese read as pinyin)" : "")));
		}
		else if (a.tradeKey().equals(b.tradeKey()) && a.tradeKey().length() >= MIN_TRADE_KEY) {
			reasons.add(new Reason("core-name", TRADE, "'" + probe + "' and '" + name + "' both reduce to '" + a.tradeKey()
					+ "' without place names, generic words, legal forms and what the firm trades in"
					+ (a.han() != b.han() ? " (Chinese read as pinyin)" : "")));
		}
		else if (withoutMiddle(a.words(), b.words()) || withoutMiddle(b.words(), a.words())) {
			reasons.add(new Reason("core-name", TRADE, "'" + probe + "' and '" + name + "' have the same first and last names, one"
					+ " with a middle name"));
		}
		else {
			// core keys close in spelling count only when their trade keys are too: "Panati Wine" and "Banti Wine" differ
			// in all that names them
			boolean tradeKeysClose = a.tradeKey().equals(b.tradeKey()) || spelling(a.tradeKey(), b.tradeKey()).isPresent();
			spelling(a.coreKey(), b.coreKey()).filter(r -> tradeKeysClose)
				.or(() -> spelling(a.normalizedKey(), b.normalizedKey()))
				.ifPresent(reasons::add);
		}
		reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
		return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
	}

	/** A spelling reason when two keys are at most two edits apart and similar enough. */
	private static Optional<Reason> spelling(String a, String b) {
		int distance = ConflictScorer.distance(a, b);
		double similarity = ConflictScorer.similarity(a, b);
		if (distance > 2 || similarity < MIN_SIMILARITY) {
			return Optional.empty();
		}
		return Optional.of(new Reason("spelling", round(SPELLING * similarity), "'" + a + "' and '" + b + "' are " + distance
				+ (distance == 1 ? " edit" : " edits") + " apart (similarity " + round(similarity) + ")"));
	}

	/**
	 * Whether {@code shorter} is {@code longer} without words in the middle ("Michael Jordan", "Michael Jeffrey
	 * Jordan"): the same first and last words, each word one that names rather than describes.
	 */
	static boolean withoutMiddle(List<String> shorter, List<String> longer) {
		if (shorter.size() < 2 || longer.size() <= shorter.size()
				|| shorter.stream().anyMatch(w -> w.length() < 2 || NameKeys.descriptive(w))
				|| !shorter.getFirst().equals(longer.getFirst()) || !shorter.getLast().equals(longer.getLast())) {
			return false;
		}
		int i = 0;
		for (String word : longer) {
			if (i < shorter.size() && word.equals(shorter.get(i))) {
				i++;
			}
		}
		return i == shorter.size();
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
