package io.ipgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ipgraph.imports.BoundedInput;
import io.ipgraph.imports.FollowTheMoney;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportLimitExceeded;
import io.ipgraph.imports.ImportSummary;
import io.ipgraph.registry.RegistryImport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/import}: the request body is a file (optionally gzip with {@code Content-Encoding: gzip}) in one of
 * the formats the command line reads: ipgraph's JSON Lines (the default), FollowTheMoney JSON Lines
 * ({@code ?format=ftm}) or registry XML ({@code ?format=registry}, or an XML content type); the answer is the import's
 * summary as JSON, with the rejected lines (and, for registry XML, the records' errors and warnings).
 */
@RestController
class ImportController {

	private final GraphImporter importer;

	private final RegistryImport registry;

	private final FollowTheMoney ftm;

	ImportController(GraphImporter importer, RegistryImport registry, FollowTheMoney ftm) {
		this.importer = importer;
		this.registry = registry;
		this.ftm = ftm;
	}

	// no text/plain or form types: a web page elsewhere cannot post those here without the browser asking first (CORS preflight)
	@PostMapping(path = "/api/import", consumes = { "application/x-ndjson", "application/jsonl", "application/json", "application/xml",
			"text/xml" })
	ResponseEntity<Map<String, Object>> upload(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "upload") String name, @RequestParam(required = false) String format) throws IOException {
		String contentType = String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT);
		String chosen = format != null ? format : contentType.contains("xml") ? "registry" : "ipgraph";
		if (!FORMATS.contains(chosen)) {
			return ResponseEntity.badRequest().body(Map.of("error", "format must be one of " + String.join(", ", FORMATS) + ", was '" + chosen + "'"));
		}
		if (chosen.equals("registry") != contentType.contains("xml")) {
			return ResponseEntity.badRequest().body(Map.of("error", chosen.equals("registry")
					? "format=registry reads XML: send it as application/xml (was " + request.getContentType() + ")"
					: "an XML body is a registry file: send it with format=registry (was format=" + chosen + ")"));
		}
		InputStream body = BoundedInput.upload(request.getInputStream(), "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding")),
				this.importer.limits());
		return switch (chosen) {
			case "registry" -> {
				RegistryImport.Imported imported = this.registry.importStream(name, body, dryRun, p -> { });
				Map<String, Object> answer = answer(imported.summary());
				answer.put("records", imported.records());
				answer.put("registrations", imported.registrations());
				answer.put("errors", imported.errors().stream().map(Object::toString).toList());
				answer.put("warnings", imported.warnings().stream().map(Object::toString).toList());
				yield ResponseEntity.ok(answer);
			}
			case "ftm" -> {
				FollowTheMoney.FtmImported imported = this.ftm.importFtm(name, body, dryRun, p -> { });
				Map<String, Object> answer = answer(imported.summary());
				answer.put("skipped", imported.skipped());
				yield ResponseEntity.ok(answer);
			}
			default -> ResponseEntity.ok(answer(this.importer.importStream(name, body, request.getContentLengthLong(), dryRun,
					GraphImporter.DEFAULT_BATCH, p -> { })));
		};
	}

	/** The formats an upload may name, as the command line's {@code --format}. */
	static final java.util.List<String> FORMATS = java.util.List.of("ipgraph", "ftm", "registry");

	/**
	 * An upload past one of the import limits: 413 with the limit named; the whole batches before it stay, and the
	 * summary says what they were. The rest of the body is not read (the connection is closed after the answer).
	 */
	@ExceptionHandler(ImportLimitExceeded.class)
	ResponseEntity<Map<String, Object>> tooLarge(ImportLimitExceeded ex, HttpServletResponse response) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", ex.getMessage());
		answer.put("limit", ex.key());
		if (ex.summary() != null) {
			answer.put("importedBeforeTheLimit", answer(ex.summary()));
		}
		response.setHeader("Connection", "close");
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(answer);
	}

	private static Map<String, Object> answer(ImportSummary summary) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("name", summary.name());
		answer.put("dryRun", summary.dryRun());
		answer.put("lines", summary.lines());
		answer.put("seconds", summary.seconds());
		answer.put("created", summary.total("created"));
		answer.put("updated", summary.total("updated"));
		answer.put("unchanged", summary.total("unchanged"));
		answer.put("rejected", summary.rejected());
		answer.put("kinds", summary.kinds());
		answer.put("rejections", summary.rejections());
		return answer;
	}

}
