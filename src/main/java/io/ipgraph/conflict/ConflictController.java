package io.ipgraph.conflict;

import java.util.List;
import java.util.Map;

import io.ipgraph.conflict.ConflictSearch.Conflict;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of conflict search (schema: {@code graphql/conflict.graphqls}). */
@Controller
class ConflictController {

	private final ConflictSearch search;

	private final Squatting squatting;

	ConflictController(ConflictSearch search, Squatting squatting) {
		this.search = search;
		this.squatting = squatting;
	}

	@QueryMapping
	Squatting.SquattingReport squatting(@Argument String firmId, @Argument String jurisdiction, @Argument Integer hops) {
		return this.squatting.find(firmId, jurisdiction, hops);
	}

	@QueryMapping
	List<Map<String, Object>> conflicts(@Argument String text, @Argument List<Integer> classes, @Argument String jurisdiction,
			@Argument String date, @Argument List<String> excludeOwners, @Argument Integer limit) {
		return render(this.search.search(text, classes, jurisdiction, date, excludeOwners, List.of(), limit));
	}

	@QueryMapping
	List<Map<String, Object>> registrationConflicts(@Argument String id, @Argument Integer limit) {
		return render(this.search.forRegistration(id, limit));
	}

	private static List<Map<String, Object>> render(List<Conflict> conflicts) {
		return conflicts.stream()
			.map(c -> Map.<String, Object>of("registration", c.registration(), "score", c.scored().score(), "reasons",
					c.scored().reasons()))
			.toList();
	}

}
