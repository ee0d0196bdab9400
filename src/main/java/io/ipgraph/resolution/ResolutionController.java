package io.ipgraph.resolution;

import java.util.List;
import java.util.Map;

import io.ipgraph.security.CurrentUser;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of entity resolution (schema: {@code graphql/resolution.graphqls}). */
@Controller
class ResolutionController {

	private final EntityResolution resolution;

	private final Judgements judgements;

	ResolutionController(EntityResolution resolution, Judgements judgements) {
		this.resolution = resolution;
		this.judgements = judgements;
	}

	@QueryMapping
	List<Map<String, Object>> resolveName(@Argument String name, @Argument List<String> kinds, @Argument Integer limit) {
		return this.resolution.resolveName(name, kinds, limit);
	}

	@QueryMapping
	List<Map<String, Object>> sameEntityCandidates(@Argument String id, @Argument String kind, @Argument Double minScore,
			@Argument Integer limit) {
		return this.resolution.candidates(id, kind, minScore, limit);
	}

	@QueryMapping
	Map<String, Object> identity(@Argument String id) {
		return this.resolution.identity(id);
	}

	@QueryMapping
	List<Map<String, Object>> judgements(@Argument String entityId, @Argument Boolean includeUndone, @Argument Integer limit) {
		return this.judgements.list(entityId, Boolean.TRUE.equals(includeUndone), EntityResolution.bounded("limit", limit, 1, 1000));
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> mergeEntities(@Argument List<String> ids, @Argument List<Integer> versions, @Argument String reason) {
		return this.judgements.merge(ids, versions, reason, CurrentUser.name());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> splitEntities(@Argument List<String> ids, @Argument List<Integer> versions, @Argument String reason) {
		return this.judgements.split(ids, versions, reason, CurrentUser.name());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> recordEquivalentMarks(@Argument String markId, @Argument String equivalentId, @Argument String basis,
			@Argument String reason) {
		return this.judgements.equivalent(markId, equivalentId, basis, reason, CurrentUser.name());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Map<String, Object> undoJudgement(@Argument String id, @Argument String reason) {
		return this.judgements.undo(id, reason, CurrentUser.name());
	}

	@SchemaMapping(typeName = "Judgement", field = "entities")
	List<Map<String, Object>> entities(Map<String, Object> judgement) {
		return this.resolution.entities(EntityResolution.strings(judgement.get("entityIds")));
	}

}
