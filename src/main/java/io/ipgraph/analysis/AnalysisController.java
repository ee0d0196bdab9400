package io.ipgraph.analysis;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the analyses (schema: {@code graphql/analysis.graphqls}). */
@Controller
class AnalysisController {

	private final GraphAnalysis graph;

	private final Timeline timeline;

	private final Aggregations aggregations;

	private final Trace trace;

	AnalysisController(GraphAnalysis graph, Timeline timeline, Aggregations aggregations, Trace trace) {
		this.graph = graph;
		this.timeline = timeline;
		this.aggregations = aggregations;
		this.trace = trace;
	}

	@QueryMapping
	Map<String, Object> trace(@Argument String companyId, @Argument String jurisdiction, @Argument Integer depth,
			@Argument String date) {
		return this.trace.of(companyId, jurisdiction, depth, date);
	}

	@QueryMapping
	List<Map<String, Object>> paths(@Argument String from, @Argument String to, @Argument Integer maxHops,
			@Argument List<String> types, @Argument Integer limit) {
		return this.graph.paths(from, to, maxHops, types, limit);
	}

	@QueryMapping
	Map<String, Object> neighbourhood(@Argument String id, @Argument Integer hops, @Argument List<String> types,
			@Argument Integer limit) {
		return this.graph.neighbourhood(id, hops, types, limit);
	}

	@QueryMapping
	List<Timeline.TimelineEvent> timeline(@Argument String id, @Argument Integer depth, @Argument List<String> types,
			@Argument Boolean legalClocks) {
		return this.timeline.of(id, depth, types, !Boolean.FALSE.equals(legalClocks));
	}

	@QueryMapping
	List<Aggregations.Contradiction> contradictions(@Argument String subjectId, @Argument String property, @Argument Integer limit) {
		return this.aggregations.contradictions(subjectId, property, limit);
	}

	@QueryMapping
	List<Map<String, Object>> damagesTotals(@Argument List<String> groupBy) {
		return this.aggregations.damagesTotals(groupBy);
	}

	@QueryMapping
	List<Map<String, Object>> seizureStats(@Argument String groupBy) {
		return this.aggregations.seizureStats(groupBy);
	}

	@org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "Lawsuit", field = "money")
	List<Map<String, Object>> money(Map<String, Object> lawsuit) {
		return this.aggregations.money((String) lawsuit.get("id"));
	}

	@QueryMapping
	List<Map<String, Object>> marksPerOwner(@Argument Integer limit) {
		return this.aggregations.marksPerOwner(limit);
	}

}
