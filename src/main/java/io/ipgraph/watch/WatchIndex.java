package io.ipgraph.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.conflict.ConflictScorer;
import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.keys.MarkKeys;

/**
 * The watches in memory, indexed so that a changed registration is compared only with the mark watches whose territory
 * and keys could match it: by territory, then by every comparison key of the watch's mark (the folded text, the pinyin
 * and phonetic keys, the one- and two-letter deletions of the pinyin key that spelling variants share, and its parts,
 * which a shorter mark inside it would be). The registration is looked up by its own keys, and its parts are looked up
 * among the watches' whole pinyin keys (a watched mark inside a longer one). What the lookups return is then scored
 * as conflict search scores it.
 */
final class WatchIndex {

	/** A mark watch and the query it is scored with (its keys computed once). */
	record Indexed(Watch watch, ConflictScorer.Query query) {
	}

	/** The territory of a mark watch that names none: every registration is looked up there too. */
	private static final String ANY = "*";

	private final Map<String, Map<String, List<Indexed>>> byKey = new HashMap<>();

	private final Map<String, Map<String, List<Indexed>>> byPinyin = new HashMap<>();

	private final List<Watch> all;

	private WatchIndex(List<Watch> all) {
		this.all = List.copyOf(all);
	}

	static WatchIndex of(List<Watch> watches) {
		WatchIndex index = new WatchIndex(watches);
		for (Watch w : watches) {
			if (!w.kind().equals(Watch.MARK)) {
				continue;
			}
			Indexed indexed = new Indexed(w, w.query());
			MarkKeys keys = indexed.query().keys();
			List<String> territories = w.territories().isEmpty() ? List.of(ANY) : w.territories();
			List<String> lookups = new ArrayList<>(List.of(keys.normalized(), keys.pinyin(), keys.phonetic()));
			lookups.addAll(keys.deletes());
			if (keys.pinyin().length() <= ConflictSearch.MAX_CONTAINED_KEY) {
				lookups.addAll(ConflictScorer.containedParts(keys.pinyin()));
			}
			for (String territory : territories) {
				Map<String, List<Indexed>> inTerritory = index.byKey.computeIfAbsent(territory, t -> new HashMap<>());
				lookups.stream().filter(k -> !k.isEmpty()).distinct().forEach(k -> inTerritory.computeIfAbsent(k, x -> new ArrayList<>()).add(indexed));
				index.byPinyin.computeIfAbsent(territory, t -> new HashMap<>()).computeIfAbsent(keys.pinyin(), x -> new ArrayList<>()).add(indexed);
			}
		}
		return index;
	}

	List<Watch> all() {
		return this.all;
	}

	List<Watch> ofKind(String kind) {
		return this.all.stream().filter(w -> w.kind().equals(kind)).toList();
	}

	boolean hasMarkWatches() {
		return !this.byKey.isEmpty();
	}

	/** The mark watches that could conflict with a registration in {@code jurisdiction} with these stored keys. */
	Collection<Indexed> candidates(String jurisdiction, String markKey, String pinyin, String phonetic, List<String> deletes) {
		Map<String, Indexed> found = new LinkedHashMap<>();
		for (String territory : new String[] { jurisdiction, ANY }) {
			Map<String, List<Indexed>> keys = this.byKey.get(territory);
			if (keys != null) {
				List<String> lookups = new ArrayList<>();
				lookups.add(markKey);
				lookups.add(pinyin);
				lookups.add(phonetic);
				lookups.addAll(deletes);
				for (String key : lookups) {
					if (key != null) {
						keys.getOrDefault(key, List.of()).forEach(i -> found.putIfAbsent(i.watch().id(), i));
					}
				}
			}
			Map<String, List<Indexed>> whole = this.byPinyin.get(territory);
			if (whole != null && pinyin != null && pinyin.length() <= ConflictSearch.MAX_CONTAINED_KEY) {
				for (String part : ConflictScorer.containedParts(pinyin)) {
					whole.getOrDefault(part, List.of()).forEach(i -> found.putIfAbsent(i.watch().id(), i));
				}
			}
		}
		return found.values();
	}

}
