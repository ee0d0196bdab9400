package io.ipgraph.watch;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.store.Entities;
import io.ipgraph.watch.Alerts.Alert;
import io.ipgraph.watch.Alerts.AlertCount;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the watches and their alerts (schema: {@code graphql/watches.graphqls}); any signed-in user. */
@Controller
class WatchController {

	private final Watches watches;

	private final Alerts alerts;

	private final Entities entities;

	private final AuditTrail audit;

	WatchController(Watches watches, Alerts alerts, Entities entities, AuditTrail audit) {
		this.watches = watches;
		this.alerts = alerts;
		this.entities = entities;
		this.audit = audit;
	}

	@QueryMapping
	List<Watch> watches() {
		return this.watches.visible();
	}

	@QueryMapping
	Watch watch(@Argument String id) {
		return this.watches.get(id);
	}

	@QueryMapping
	List<Alert> alerts(@Argument String watchId, @Argument String state, @Argument String kind, @Argument Integer limit, @Argument Integer offset) {
		return this.alerts.list(watchId, lower(state), kind, limit == null ? 50 : limit, offset == null ? 0 : offset);
	}

	@QueryMapping
	List<AlertCount> alertCounts(@Argument String watchId) {
		return this.alerts.counts(watchId);
	}

	@MutationMapping
	Watches.Created watchMark(@Argument String name, @Argument String text, @Argument List<Integer> classes, @Argument List<String> territories,
			@Argument String date, @Argument List<String> ownerIds, @Argument Integer deadlineDays, @Argument Boolean shared,
			@Argument String webhookUrl) {
		return this.watches.watchMark(name, text, classes, territories, date, ownerIds, deadlineDays, !Boolean.FALSE.equals(shared), webhookUrl);
	}

	@MutationMapping
	Watches.Created watchEntity(@Argument String name, @Argument String entityId, @Argument Integer hops, @Argument Boolean shared,
			@Argument String webhookUrl) {
		return this.watches.watchEntity(name, entityId, hops == null ? 2 : hops, !Boolean.FALSE.equals(shared), webhookUrl);
	}

	@MutationMapping
	Watches.Created watchSquatting(@Argument String name, @Argument String firmId, @Argument List<String> territories, @Argument Integer hops,
			@Argument Integer deadlineDays, @Argument Boolean shared, @Argument String webhookUrl) {
		return this.watches.watchSquatting(name, firmId, territories, hops == null ? 2 : hops, deadlineDays, !Boolean.FALSE.equals(shared),
				webhookUrl);
	}

	@MutationMapping
	Watch changeWatch(@Argument String id, @Argument String name, @Argument Boolean shared, @Argument String webhookUrl,
			@Argument Boolean clearWebhook, @Argument Integer deadlineDays) {
		return this.watches.change(id, name, shared, webhookUrl, deadlineDays, Boolean.TRUE.equals(clearWebhook));
	}

	@MutationMapping
	boolean removeWatch(@Argument String id) {
		return this.watches.remove(id);
	}

	@MutationMapping
	Alert triageAlert(@Argument String id, @Argument String state, @Argument String reason) {
		return this.alerts.triage(id, lower(state), reason);
	}

	@SchemaMapping(typeName = "Watch", field = "startedFrom")
	int startedFrom(Watch watch) {
		return watch.known().size();
	}

	@SchemaMapping(typeName = "Watch", field = "hops")
	Integer hops(Watch watch) {
		return watch.hops() == 0 ? null : watch.hops();
	}

	@SchemaMapping(typeName = "Alert", field = "state")
	String state(Alert alert) {
		return alert.state().toUpperCase(Locale.ROOT);
	}

	@SchemaMapping(typeName = "AlertCount", field = "state")
	String state(AlertCount count) {
		return count.state().toUpperCase(Locale.ROOT);
	}

	@SchemaMapping(typeName = "Alert", field = "watch")
	Watch watch(Alert alert) {
		return this.watches.get(alert.watchId());
	}

	@SchemaMapping(typeName = "Alert", field = "subject")
	Map<String, Object> subject(Alert alert) {
		return this.entities.find(alert.subjectId()).orElse(null);
	}

	@SchemaMapping(typeName = "Alert", field = "change")
	Map<String, Object> change(Alert alert) {
		return alert.changeId() == null ? null : this.audit.get(alert.changeId());
	}

	@SchemaMapping(typeName = "Alert", field = "delivery")
	Map<String, Object> delivery(Alert alert) {
		return this.alerts.delivery(alert.id());
	}

	private static String lower(String state) {
		return state == null ? null : state.toLowerCase(Locale.ROOT);
	}

}
