package io.ipgraph.watch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers alerts to their watch's webhook, from the outbox the evaluator writes with each alert
 * ({@code (:Delivery {state: 'pending'})}, one per alert, in the alert's transaction): an HTTP POST of the alert as
 * JSON, signed with the watch's secret ({@code X-Ipgraph-Signature: sha256=<HMAC-SHA256 of the body, hex>}), retried
 * with a wait that doubles after each failure, given up after {@code ipgraph.watches.delivery-attempts}. A delivery is
 * marked delivered as soon as the receiver answers 2xx; it carries its id ({@code X-Ipgraph-Delivery}), the same on
 * every attempt, so that a receiver that saw it already (the process stopped between the answer and the mark) can tell.
 */
@Component
@ConditionalOnWebApplication
class Webhooks extends Background {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	private final WatchProperties properties;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

	Webhooks(GraphStore store, WatchProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.properties.evaluate()) {
			startThread("ipgraph-webhooks");
		}
	}

	@Override
	Duration round() {
		long wait = this.properties.poll().toMillis();
		Long next = deliverDue();
		if (next != null) {
			wait = Math.max(1, Math.min(next - System.currentTimeMillis(), wait * 10));
		}
		return Duration.ofMillis(wait);
	}

	/** Makes every delivery that is due; when the next pending one is due (epoch ms), or null when none is pending. */
	Long deliverDue() {
		List<Record> due = this.store.readEverything("""
				MATCH (d:Delivery {state: 'pending'}) WHERE d.nextAt <= timestamp()
				MATCH (a:Alert {id: d.alertId}) MATCH (w:Watch {id: d.watchId})
				RETURN d {.*} AS d, a {.*} AS a, w {.id, .name, .kind, .webhookUrl, .secret} AS w ORDER BY d.nextAt LIMIT 20""", Map.of());
		for (Record r : due) {
			deliver(r.get("d").asMap(), r.get("a").asMap(), r.get("w").asMap());
		}
		List<Record> next = this.store.readEverything("MATCH (d:Delivery {state: 'pending'}) RETURN min(d.nextAt) AS next", Map.of());
		return next.getFirst().get("next").isNull() ? null : next.getFirst().get("next").asLong();
	}

	private void deliver(Map<String, Object> delivery, Map<String, Object> alert, Map<String, Object> watch) {
		String id = (String) delivery.get("id");
		int attempt = ((Number) delivery.get("attempts")).intValue() + 1;
		String url = (String) watch.get("webhookUrl");
		String error;
		if (url == null) {
			error = "the watch has no webhook any more";
		}
		else {
			byte[] body = body(id, alert, watch);
			try {
				HttpResponse<Void> answer = this.http.send(HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("User-Agent", "ipgraph-webhooks")
					.header("X-Ipgraph-Delivery", id)
					.header("X-Ipgraph-Attempt", String.valueOf(attempt))
					.header("X-Ipgraph-Signature", "sha256=" + sign((String) watch.get("secret"), body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() / 100 == 2) {
					this.store.write("""
							MATCH (d:Delivery {id: $id})
							SET d.state = 'delivered', d.attempts = $attempt, d.deliveredAt = toString(datetime.realtime()), d.lastError = null""",
							Map.of("id", id, "attempt", attempt));
					return;
				}
				error = "the webhook answered " + answer.statusCode();
			}
			catch (java.io.IOException ex) {
				error = "could not reach the webhook: " + ex.getMessage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		boolean last = attempt >= this.properties.deliveryAttempts();
		long backoff = Math.min(this.properties.maxRetry().toMillis(), this.properties.firstRetry().toMillis() << Math.min(20, attempt - 1));
		log.info("Delivery {} of alert {}: attempt {} failed ({}){}", id, alert.get("id"), attempt, error, last ? ", given up" : "");
		this.store.write("""
				MATCH (d:Delivery {id: $id})
				SET d.attempts = $attempt, d.lastError = $error, d.state = CASE WHEN $last THEN 'failed' ELSE 'pending' END,
				    d.nextAt = timestamp() + $backoff""", Map.of("id", id, "attempt", attempt, "error", error, "last", last, "backoff", backoff));
	}

	/** What a webhook receives: the delivery's id, the watch, and the alert with its reasons, path, change and sources. */
	static byte[] body(String deliveryId, Map<String, Object> alert, Map<String, Object> watch) {
		Alerts.Alert a = Alerts.alert(alert);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("delivery", deliveryId);
		body.put("watch", Map.of("id", watch.get("id"), "name", String.valueOf(watch.get("name")), "kind", watch.get("kind")));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", a.id());
		out.put("kind", a.kind());
		out.put("title", a.title());
		out.put("subjectId", a.subjectId());
		out.put("score", a.score());
		out.put("reasons", a.reasons());
		out.put("path", a.path());
		out.put("changeId", a.changeId());
		out.put("at", a.at());
		out.put("closes", a.closes());
		out.put("sourceIds", a.sourceIds());
		out.put("quotes", a.quotes());
		body.put("alert", out);
		return JSON.writeValueAsBytes(body);
	}

	/** HMAC-SHA256 of the body with the watch's secret, in hex. */
	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
