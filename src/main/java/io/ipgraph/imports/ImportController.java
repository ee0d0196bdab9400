package io.ipgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/import}: the request body is a file in the import format (JSON Lines, optionally gzip with
 * {@code Content-Encoding: gzip}); the answer is the import's summary as JSON, with the rejected lines.
 */
@RestController
class ImportController {

	private final GraphImporter importer;

	ImportController(GraphImporter importer) {
		this.importer = importer;
	}

	// no text/plain or form types: a web page elsewhere cannot post those here without the browser asking first (CORS preflight)
	@PostMapping(path = "/api/import", consumes = { "application/x-ndjson", "application/jsonl", "application/json" })
	ResponseEntity<Map<String, Object>> upload(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "upload") String name) throws IOException {
		InputStream body = BoundedInput.upload(request.getInputStream(), "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding")),
				this.importer.limits());
		ImportSummary summary = this.importer.importStream(name, body, request.getContentLengthLong(), dryRun, GraphImporter.DEFAULT_BATCH,
				p -> { });
		return ResponseEntity.ok(answer(summary));
	}

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
