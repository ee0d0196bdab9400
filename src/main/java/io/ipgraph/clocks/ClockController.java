package io.ipgraph.clocks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.ipgraph.clocks.ClockRules.Rule;
import io.ipgraph.clocks.LegalClocks.LegalClock;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.store.Entities;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the legal clocks (schema: {@code graphql/clocks.graphqls}). */
@Controller
class ClockController {

	private final LegalClocks clocks;

	private final Entities entities;

	ClockController(LegalClocks clocks, Entities entities) {
		this.clocks = clocks;
		this.entities = entities;
	}

	@QueryMapping
	List<LegalClock> legalClocks(@Argument String registrationId, @Argument String asOf) {
		Map<String, Object> registration = this.entities.require(registrationId);
		if (!"Registration".equals(EntityRow.typeName(registration))) {
			throw new BadRequestException("'" + registrationId + "' is a " + EntityRow.typeName(registration) + ", not a Registration");
		}
		return this.clocks.of(registration, day(asOf));
	}

	@QueryMapping
	List<Rule> clockRules(@Argument String office) {
		if (office != null && !this.clocks.rules().offices().containsKey(office)) {
			throw new BadRequestException("No rules for office '" + office + "'; the table has " + this.clocks.rules().offices().keySet());
		}
		return office == null ? this.clocks.rules().all() : this.clocks.rules().of(office);
	}

	/** The day {@code asOf} names (YYYY-MM-DD), or today in UTC. */
	static LocalDate day(String asOf) {
		if (asOf == null) {
			return LocalDate.now(ZoneOffset.UTC);
		}
		if (asOf.length() != 10 || asOf.contains("..")) {
			throw new BadRequestException("asOf must be a day (YYYY-MM-DD), was '" + asOf + "'");
		}
		return LocalDate.parse(asOf);
	}

}
