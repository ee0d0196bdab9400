package io.ipgraph.imports;

import java.util.List;
import java.util.Map;

/** One parsed line of an import file: a node or a relationship, with its sources. */
public sealed interface ImportLine permits ImportLine.NodeLine, ImportLine.RelationshipLine {

	/** 1-based line number in its file. */
	long line();

	List<Citation> sources();

	Map<String, Object> properties();

	/** A source cited for a line: the id of a Source node and the words in it. */
	record Citation(String id, String quote) {
	}

	record NodeLine(long line, String label, String id, Map<String, Object> properties, List<Citation> sources) implements ImportLine {
	}

	record RelationshipLine(long line, String type, String from, String to, String key, Map<String, Object> properties,
			List<Citation> sources) implements ImportLine {
	}

}
