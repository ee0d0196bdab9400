package io.ipgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
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
		InputStream body = request.getInputStream();
		if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
			body = new java.util.zip.GZIPInputStream(body, 1 << 16);
		}
		ImportSummary summary = this.importer.importStream(name, body, request.getContentLengthLong(), dryRun, GraphImporter.DEFAULT_BATCH,
				p -> { });
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
		return ResponseEntity.ok(answer);
	}

}
