package io.ipgraph.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that says which properties ipgraph derives and stores beside the ones a line gives: the comparison
 * keys of a registration's mark (for conflict search) and the name keys of a named entity (for name resolution).
 * The import, an editor's update and the backfills after a change of the keys all take them from here.
 */
public final class DerivedKeys {

	/**
	 * The labels whose name and aliases are folded into {@code nameKeys}; the full-text index {@code entity_names}
	 * (migration V0004) covers the same labels.
	 */
	public static final List<String> NAMED_LABELS = List.of("Company", "Person", "Authority", "Court", "Office");

	private DerivedKeys() {
	}

	/** The derived properties of a node of {@code label} with the given properties (none when it has none). */
	public static Map<String, Object> of(String label, Map<String, ?> properties) {
		Map<String, Object> derived = new LinkedHashMap<>();
		if (label.equals("Registration")) {
			if (properties.get("markText") instanceof String text) {
				derived.putAll(ofMarkText(text));
			}
			if (properties.get("classes") instanceof List<?> classes) {
				derived.put("classTokens", MarkKeys.classTokens(classes.stream().map(c -> ((Number) c).intValue()).toList()));
			}
		}
		if (NAMED_LABELS.contains(label) && properties.get("name") instanceof String name && properties.get("aliases") instanceof List<?> aliases) {
			derived.put("nameKeys", nameKeys(name, aliases.stream().map(String::valueOf).toList()));
		}
		return derived;
	}

	/** The comparison keys of a registration's mark text, by property name. */
	public static Map<String, Object> ofMarkText(String text) {
		MarkKeys keys = MarkKeys.of(text);
		Map<String, Object> derived = new LinkedHashMap<>();
		derived.put("markKey", keys.normalized());
		derived.put("markPinyin", keys.pinyin());
		derived.put("markPhonetic", keys.phonetic());
		derived.put("markDeletes", keys.deletes());
		return derived;
	}

	/** The {@code nameKeys} of an entity with this name (may be null) and these aliases. */
	public static List<String> nameKeys(String name, List<String> aliases) {
		List<String> names = new ArrayList<>();
		if (name != null) {
			names.add(name);
		}
		names.addAll(aliases);
		return NameKeys.indexKeys(names);
	}

}
