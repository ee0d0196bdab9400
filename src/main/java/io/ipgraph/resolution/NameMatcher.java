package io.ipgraph.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.ipgraph.conflict.ConflictScorer;

/**
 * Compares two names and says why they may name the same entity. Each reason has a weight between 0 and 1;
 * a match scores its strongest reason.
 */
public final class NameMatcher {

	static final double IDENTICAL = 1.0;

	static final double NORMALIZED = 0.95;

	static final double TRANSLITERATION = 0.9;

	static final double CORE = 0.75;

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
		else {
			int distance = ConflictScorer.distance(a.coreKey(), b.coreKey());
			double similarity = ConflictScorer.similarity(a.coreKey(), b.coreKey());
			if (distance <= 2 && similarity >= MIN_SIMILARITY) {
				reasons.add(new Reason("spelling", round(SPELLING * similarity), "'" + a.coreKey() + "' and '" + b.coreKey() + "' are "
						+ distance + (distance == 1 ? " edit" : " edits") + " apart (similarity " + round(similarity) + ")"));
			}
		}
		reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
		return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
