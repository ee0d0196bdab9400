package io.ipgraph.conflict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipgraph.keys.DerivedKeys;
import io.ipgraph.store.GraphPreparation;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sets the comparison keys on registrations that lack them (after the seed, or data written by other
 * tools), in batches, before the HTTP port opens. Writers that know {@link MarkKeys} set them directly.
 */
@Component
class MarkKeyBackfill implements GraphPreparation {

	private static final Logger log = LoggerFactory.getLogger(MarkKeyBackfill.class);

	static final int BATCH = 5000;

	private final GraphStore store;

	MarkKeyBackfill(GraphStore store) {
		this.store = store;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void prepare() {
		int total = 0;
		while (true) {
			List<Record> missing = this.store.readEverything("""
					MATCH (r:Registration) WHERE r.markDeletes IS NULL AND r.markText IS NOT NULL
					RETURN r.id AS id, r.markText AS text, coalesce(r.classes, []) AS classes LIMIT $batch""", Map.of("batch", BATCH));
			if (missing.isEmpty()) {
				break;
			}
			this.store.write("""
					UNWIND $rows AS row MATCH (r:Registration {id: row.id}) SET r += row.keys""",
					Map.of("rows", rows(missing)));
			total += missing.size();
		}
		if (total > 0) {
			log.info("Set comparison keys on {} registrations", total);
		}
	}

	static List<Map<String, Object>> rows(List<Record> records) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Record r : records) {
			Map<String, Object> keys = DerivedKeys.of("Registration", Map.of("markText", r.get("text").asString(), "classes",
					r.get("classes").asList(v -> v.asInt())));
			rows.add(Map.of("id", r.get("id").asString(), "keys", keys));
		}
		return rows;
	}

}
