package io.ipgraph.conflict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.ipgraph.keys.MarkKeys;
import io.ipgraph.model.PartialDates;

/**
 * Scores an earlier registration against a mark, with every reason and its weight, so that an analyst can
 * see why it ranks where it does. Text similarity (the best of identical, normalized, transliterated,
 * sound-alike and spelling distance) is required; classes and the earlier date add to it. Territory is a
 * filter, not a weight: marks are territorial.
 */
public final class ConflictScorer {

	static final double IDENTICAL = 45;

	static final double NORMALIZED = 42;

	static final double TRANSLITERATED = 38;

	static final double SOUND_ALIKE = 30;

	static final double SPELLING = 30;

	static final double CONTAINED = 25;

	/** The shortest pinyin key that counts as a whole mark inside another (HONDA, benfu for 奔富; not AWS inside LAWSON). */
	static final int MIN_CONTAINED = 4;

	static final double SHARED_CLASS = 35;

	static final double RELATED_CLASS = 15;

	static final double EARLIER = 10;

	/** Spelling distance (edits on the pinyin form) beyond which two texts do not count as similar. */
	static final int MAX_EDITS = 2;

	/** Below this spelling similarity (1 - distance / length) two texts do not count as similar. */
	static final double MIN_SIMILARITY = 0.6;

	/** Groups of Nice classes whose goods and services are often found related. */
	private static final List<Set<Integer>> RELATED = List.of(Set.of(9, 35, 38, 41, 42), Set.of(3, 5, 44), Set.of(14, 18, 25, 26),
			Set.of(29, 30, 31, 32, 33, 43), Set.of(7, 8, 11, 12), Set.of(16, 28, 41), Set.of(36, 37, 39, 45));

	/** One reason and its weight in the score. */
	public record Reason(String kind, double weight, String detail) {
	}

	/** A scored candidate. */
	public record Scored(String registrationId, double score, List<Reason> reasons) {
	}

	/**
	 * What a registration must be compared on. Its date is its filing date; where that is not known, its registration
	 * date, the earliest date known of it (an application is filed before it is registered).
	 */
	public record Candidate(String id, String markText, String normalized, String pinyin, String phonetic, List<Integer> classes,
			String filedOn, String registeredOn) {

		public Candidate(String id, String markText, String normalized, String pinyin, String phonetic, List<Integer> classes,
				String filedOn) {
			this(id, markText, normalized, pinyin, phonetic, classes, filedOn, null);
		}

		/** The earliest date known of the registration: filed, else registered; null when neither is known. */
		public String earliestDate() {
			return this.filedOn != null ? this.filedOn : this.registeredOn;
		}

	}

	/** The mark searched for. */
	public record Query(String text, MarkKeys keys, Set<Integer> classes, String date) {

		public static Query of(String text, List<Integer> classes, String date) {
			return new Query(text, MarkKeys.of(text), classes == null ? Set.of() : Set.copyOf(classes), date);
		}

	}

	private ConflictScorer() {
	}

	/** The score, or null when the candidate is not textually similar or not earlier. */
	public static Scored score(Query query, Candidate candidate) {
		// a date known only as a bound, or not at all, may be earlier: kept, and said so
		String known = candidate.earliestDate();
		String lowest = known == null ? null : PartialDates.earliest(known);
		if (query.date() != null && lowest != null && lowest.compareTo(query.date()) >= 0) {
			return null;
		}
		List<Reason> reasons = new ArrayList<>();
		Reason text = textReason(query, candidate);
		if (text == null) {
			return null;
		}
		reasons.add(text);
		Set<Integer> shared = new TreeSet<>(candidate.classes() == null ? List.of() : candidate.classes());
		shared.retainAll(query.classes());
		if (!shared.isEmpty()) {
			reasons.add(new Reason("shared-class", SHARED_CLASS, "both cover Nice class " + join(shared)));
		}
		else if (candidate.classes() != null && related(query.classes(), candidate.classes())) {
			reasons.add(new Reason("related-class", RELATED_CLASS, "classes " + join(new TreeSet<>(candidate.classes()))
					+ " are related to " + join(new TreeSet<>(query.classes()))));
		}
		if (query.date() != null) {
			String latest = known == null ? null : PartialDates.latest(known);
			if (known == null) {
				reasons.add(new Reason("date-unknown", 0, "no filing or registration date known: it may be earlier than " + query.date()));
			}
			else if (latest == null || latest.compareTo(query.date()) >= 0) {
				reasons.add(new Reason("possibly-earlier", 0, (candidate.filedOn() != null ? "filed " : "registered ") + PartialDates.words(known)
						+ ": it may be before " + query.date()));
			}
			else {
				reasons.add(candidate.filedOn() != null
						? new Reason("earlier-filing", EARLIER, "filed " + PartialDates.words(candidate.filedOn()) + ", before " + query.date())
						: new Reason("earlier-registration", EARLIER, "filing date not known; registered " + PartialDates.words(candidate.registeredOn())
								+ " (its earliest known date), before " + query.date()));
			}
		}
		double score = reasons.stream().mapToDouble(Reason::weight).sum();
		return new Scored(candidate.id(), Math.round(score * 100) / 100.0, reasons);
	}

	private static Reason textReason(Query query, Candidate candidate) {
		String theirs = candidate.markText() == null ? "" : candidate.markText();
		MarkKeys keys = query.keys();
		if (keys.normalized().isEmpty() || candidate.normalized() == null || candidate.normalized().isEmpty()) {
			return null;
		}
		if (theirs.strip().equals(query.text().strip())) {
			return new Reason("identical-text", IDENTICAL, "\"" + theirs + "\" is the same text");
		}
		if (keys.normalized().equals(candidate.normalized())) {
			return new Reason("normalized-text", NORMALIZED, "\"" + theirs + "\" is \"" + query.text().strip()
					+ "\" once case, width and punctuation are folded");
		}
		if (keys.pinyin().equals(candidate.pinyin())) {
			return new Reason("transliteration", TRANSLITERATED, "\"" + theirs + "\" reads \"" + candidate.pinyin() + "\" in pinyin, as \""
					+ query.text() + "\" does");
		}
		double similarity = similarity(keys.pinyin(), candidate.pinyin());
		boolean soundAlike = !keys.phonetic().isEmpty() && keys.phonetic().equals(candidate.phonetic());
		if (soundAlike && SOUND_ALIKE >= similarity * SPELLING) {
			return new Reason("sound-alike", SOUND_ALIKE, "\"" + theirs + "\" sounds like \"" + query.text() + "\" (phonetic key "
					+ candidate.phonetic() + ")");
		}
		if (similarity >= MIN_SIMILARITY && distance(keys.pinyin(), candidate.pinyin()) <= MAX_EDITS) {
			return new Reason("spelling", Math.round(similarity * SPELLING * 100) / 100.0,
					"\"" + theirs + "\" is " + distance(keys.pinyin(), candidate.pinyin()) + " edit(s) from \"" + query.text() + "\"");
		}
		return containment(query, candidate, theirs);
	}

	/**
	 * One mark whole inside the other, in either direction and across scripts (on the pinyin key, so the Latin
	 * "Benfu" is found in 奔富酒园 as 奔富 is).
	 */
	private static Reason containment(Query query, Candidate candidate, String theirs) {
		String ours = query.keys().pinyin();
		String other = candidate.pinyin() == null ? "" : candidate.pinyin();
		String searched = query.text().strip();
		if (ours.length() >= MIN_CONTAINED && other.length() > ours.length() && other.contains(ours)) {
			return new Reason("contains", CONTAINED, candidate.normalized().contains(query.keys().normalized())
					? "\"" + theirs + "\" contains the whole of \"" + searched + "\""
					: "\"" + theirs + "\" (\"" + other + "\" in pinyin) contains the whole of \"" + searched + "\" (\"" + ours + "\")");
		}
		if (other.length() >= MIN_CONTAINED && ours.length() > other.length() && ours.contains(other)) {
			return new Reason("contained", CONTAINED, query.keys().normalized().contains(candidate.normalized())
					? "the whole of \"" + theirs + "\" is in \"" + searched + "\""
					: "the whole of \"" + theirs + "\" (\"" + other + "\" in pinyin) is in \"" + searched + "\" (\"" + ours + "\")");
		}
		return null;
	}

	/** Every part of a pinyin key (at least {@link #MIN_CONTAINED} letters, shorter than the key) that could be a whole earlier mark. */
	public static List<String> containedParts(String pinyin) {
		Set<String> parts = new java.util.LinkedHashSet<>();
		for (int from = 0; from < pinyin.length(); from++) {
			for (int to = from + MIN_CONTAINED; to <= pinyin.length(); to++) {
				if (to - from < pinyin.length()) {
					parts.add(pinyin.substring(from, to));
				}
			}
		}
		return List.copyOf(parts);
	}

	static boolean related(Set<Integer> ours, List<Integer> theirs) {
		for (Set<Integer> group : RELATED) {
			if (ours.stream().anyMatch(group::contains) && theirs.stream().anyMatch(group::contains)) {
				return true;
			}
		}
		return false;
	}

	public static double similarity(String a, String b) {
		int max = Math.max(a.length(), b.length());
		return max == 0 ? 0 : 1.0 - (double) distance(a, b) / max;
	}

	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String join(Set<Integer> classes) {
		return String.join(", ", classes.stream().map(String::valueOf).toList());
	}

}
