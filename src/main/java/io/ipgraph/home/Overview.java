package io.ipgraph.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.model.GraphModel;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.security.Role;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/**
 * What this instance holds, as the signed-in reader may see it: entities per kind, sources per kind and the newest of
 * them, the last imports and edits. Read through the store's gateway with the reader's visibility, so an analyst's
 * counts leave out what an analyst may not see.
 */
@Component
class Overview {

	/** How many sources and changes the page lists. */
	static final int LATEST = 8;

	private final GraphStore store;

	private final GraphModel model;

	private final AuditTrail audit;

	Overview(GraphStore store, GraphModel model, AuditTrail audit) {
		this.store = store;
		this.model = model;
		this.audit = audit;
	}

	record Holdings(String user, List<String> roles, Map<String, Long> entities, Map<String, Long> sourcesByKind,
			List<Map<String, Object>> latestSources, List<Map<String, Object>> latestChanges, List<Map<String, Object>> cases) {
	}

	Holdings holdings() {
		Map<String, Long> entities = new LinkedHashMap<>();
		for (Record r : this.store.read("""
				MATCH (n) UNWIND labels(n) AS label
				WITH label, n WHERE """ + GraphStore.visible("n") + """
				 RETURN label, count(*) AS n ORDER BY label""", Map.of())) {
			String label = r.get("label").asString();
			if (this.model.nodeProperties(label).isPresent()) {
				entities.put(label, r.get("n").asLong());
			}
		}
		Map<String, Long> sourcesByKind = new LinkedHashMap<>();
		for (Record r : this.store.read("""
				MATCH (s:Source) WHERE """ + GraphStore.visible("s") + """
				 RETURN coalesce(s.kind, 'unknown') AS kind, count(*) AS n ORDER BY n DESC, kind""", Map.of())) {
			sourcesByKind.put(r.get("kind").asString(), r.get("n").asLong());
		}
		List<Map<String, Object>> latestSources = new ArrayList<>();
		for (Record r : this.store.read("""
				MATCH (s:Source) WHERE """ + GraphStore.visible("s") + """
				 RETURN s {.id, .title, .publisher, .kind, .url, .publishedOn, .retrievedOn} AS source
				 ORDER BY coalesce(s.retrievedOn, s.publishedOn) DESC, s.id LIMIT $limit""", Map.of("limit", LATEST))) {
			latestSources.add(r.get("source").asMap());
		}
		List<Map<String, Object>> cases = new ArrayList<>();
		for (Record r : this.store.read("""
				MATCH (l:Lawsuit) WHERE """ + GraphStore.visible("l") + """
				 RETURN l {.id, .title, .filedOn} AS lawsuit ORDER BY l.filedOn DESC, l.id LIMIT $limit""", Map.of("limit", LATEST))) {
			cases.add(r.get("lawsuit").asMap());
		}
		List<String> roles = new ArrayList<>();
		for (String role : Role.names()) {
			if (CurrentUser.has(role)) {
				roles.add(role);
			}
		}
		return new Holdings(CurrentUser.name(), roles, entities, sourcesByKind, latestSources,
				this.audit.list(null, null, LATEST), cases);
	}

}
