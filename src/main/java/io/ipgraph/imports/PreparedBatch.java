package io.ipgraph.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch ready for the writer: its lines; the labels of the ids they refer to, from the file (as it stood at the
 * batch's last line) and from the database; the cited sources found in the database; the retracted ids; and the
 * rows to write. All of it is looked up and built on the reading thread, so that the writer only writes. (What the
 * lookups find does not depend on the batches before: they ask only for what this file does not hold.)
 */
record PreparedBatch(List<ImportLine> lines, Map<String, String> inFile, Map<String, String> stored, Set<String> storedSources,
		Set<String> retracted, Map<ImportLine, Map<String, Object>> rows, Map<String, Long> refused) {

	/**
	 * Why a line cannot refer to {@code id}: {@code unknown} (it is in neither the file nor the database), or, when the
	 * line that defines it was refused, that line, so that one refusal does not read as many unknown ids.
	 */
	String missing(String what, String id, String unknown) {
		Long line = this.refused.get(id);
		return line != null ? what + " \"" + id + "\": line " + line + ", which defines it, was refused" : unknown;
	}

}
