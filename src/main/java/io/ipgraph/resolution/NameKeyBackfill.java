package io.ipgraph.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipgraph.keys.DerivedKeys;
import io.ipgraph.keys.NameKeys;
import io.ipgraph.store.GraphPreparation;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sets {@code nameKeys} on named nodes that lack them (after the seed, or data written by other tools) or whose
 * keys an earlier version of {@link NameKeys} computed, in batches, before the HTTP port opens.
 */
@Component
class NameKeyBackfill implements GraphPreparation {

	private static final Logger log = LoggerFactory.getLogger(NameKeyBackfill.class);

	static final List<String> LABELS = DerivedKeys.NAMED_LABELS;

	private static final int BATCH = 5000;

	private final GraphStore store;

	NameKeyBackfill(GraphStore store) {
		this.store = store;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void prepare() {
		// one query over the named labels (constants of this class, never user input), not one per label: on a
		// restart, when there is nothing to do, each distinct query costs a compilation on a cold JVM
		String labels = String.join("|", LABELS.stream().map(l -> "`" + l + "`").toList());
		int total = 0;
		while (true) {
			List<Record> missing = this.store.readEverything("MATCH (n:" + labels + ") WHERE n.name IS NOT NULL AND (n.nameKeys IS NULL OR NOT $version IN n.nameKeys)"
					+ " RETURN elementId(n) AS eid, n.name AS name, coalesce(n.aliases, []) AS aliases LIMIT $batch",
					Map.of("batch", BATCH, "version", NameKeys.VERSION));
			if (missing.isEmpty()) {
				break;
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Record r : missing) {
				rows.add(Map.of("eid", r.get("eid").asString(), "keys",
						DerivedKeys.nameKeys(r.get("name").asString(), r.get("aliases").asList(Value::asString))));
			}
			this.store.write("UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n.nameKeys = row.keys", Map.of("rows", rows));
			total += missing.size();
		}
		if (total > 0) {
			log.info("Set name keys on {} named entities", total);
		}
	}

}
