package io.ipgraph.edits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.model.BadRequestException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of edits and the audit trail (schema: {@code graphql/audit.graphqls}). */
@Controller
class EditController {

	private static final List<String> VALUE_FIELDS = List.of("text", "texts", "int", "ints", "float", "boolean");

	private final Edits edits;

	private final AuditTrail trail;

	EditController(Edits edits, AuditTrail trail) {
		this.edits = edits;
		this.trail = trail;
	}

	@QueryMapping
	List<Map<String, Object>> changes(@Argument String entityId, @Argument String action, @Argument Integer limit) {
		return this.trail.list(entityId, action, bounded(limit));
	}

	@QueryMapping
	long entityVersion(@Argument String id) {
		return this.edits.version(id);
	}

	@QueryMapping
	@PreAuthorize("hasRole('EDITOR')")
	List<Map<String, Object>> retracted(@Argument Integer limit) {
		return this.edits.retracted(bounded(limit));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> updateEntity(@Argument String id, @Argument long version, @Argument List<Map<String, Object>> set,
			@Argument List<String> clear, @Argument List<Map<String, Object>> sources, @Argument String reason) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map<String, Object> property : (set == null) ? List.<Map<String, Object>>of() : set) {
			List<String> given = VALUE_FIELDS.stream().filter(f -> property.get(f) != null).toList();
			String name = String.valueOf(property.get("name"));
			if (given.size() != 1) {
				throw new BadRequestException("Property \"" + name + "\": give exactly one of " + VALUE_FIELDS + ", got " + given);
			}
			if (values.put(name, longs(property.get(given.getFirst()))) != null) {
				throw new BadRequestException("Property \"" + name + "\" is set twice");
			}
		}
		List<Citation> citations = new ArrayList<>();
		for (Map<String, Object> source : sources) {
			citations.add(new Citation(String.valueOf(source.get("sourceId")), (String) source.get("quote")));
		}
		return this.edits.update(id, version, values, (clear == null) ? List.of() : clear, citations, reason);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> retractEntity(@Argument String id, @Argument long version, @Argument String reason) {
		return this.edits.retract(id, version, reason);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> restrictEntity(@Argument String id, @Argument long version, @Argument boolean restricted, @Argument String reason) {
		return this.edits.restrict(id, version, restricted, reason);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> restoreEntity(@Argument String id, @Argument String reason) {
		return this.edits.restore(id, reason);
	}

	@SchemaMapping(typeName = "EditResult", field = "change")
	Map<String, Object> change(Map<String, Object> result) {
		return this.trail.get(String.valueOf(result.get("changeId")));
	}

	/** GraphQL integers as the store keeps them (64-bit), so kinds check the same way as in an import. */
	private static Object longs(Object value) {
		if (value instanceof Integer i) {
			return i.longValue();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(v -> (v instanceof Integer i) ? (Object) i.longValue() : v).toList();
		}
		return value;
	}

	private static int bounded(Integer limit) {
		int value = (limit == null) ? 50 : limit;
		if (value < 1 || value > 1000) {
			throw new BadRequestException("limit must be between 1 and 1000, was " + value);
		}
		return value;
	}

}
