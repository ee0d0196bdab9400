package io.ipgraph.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.ipgraph.model.BadRequestException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reports over HTTP ({@code GET /api/reports/{id}?hops=2&format=html|pdf|md}: the file itself, HTML shown in
 * the browser, PDF and Markdown as downloads) and over GraphQL ({@code report}, schema
 * {@code graphql/report.graphqls}). An unknown id answers 404, bad hops or format 400, each with a message.
 */
@Controller
class ReportController {

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/reports/{id}")
	@ResponseBody
	ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(defaultValue = "2") String hops,
			@RequestParam(defaultValue = "html") String format) {
		ReportFormat chosen = ReportFormat.parse(format);
		Reports.Rendered rendered = this.reports.render(id, hops(hops), chosen);
		ContentDisposition disposition = ContentDisposition.builder(chosen == ReportFormat.HTML ? "inline" : "attachment")
			.filename(rendered.fileName())
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(rendered.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(rendered.content());
	}

	@QueryMapping
	Map<String, Object> report(@Argument String id, @Argument Integer hops, @Argument ReportFormat format) {
		ReportBuilder.check(id, hops);
		Report report = this.reports.build(id, hops);
		Reports.Rendered rendered = this.reports.write(report, format);
		Map<String, Object> answer = new HashMap<>();
		answer.put("id", report.id());
		answer.put("title", report.title());
		answer.put("kind", report.kind());
		answer.put("hops", report.hops());
		answer.put("format", format);
		answer.put("mediaType", format.mediaType());
		answer.put("fileName", rendered.fileName());
		answer.put("entities", report.network().labels());
		answer.put("footnoteCount", report.footnotes().size());
		answer.put("encoding", format == ReportFormat.PDF ? "BASE64" : "TEXT");
		answer.put("content", format == ReportFormat.PDF ? Base64.getEncoder().encodeToString(rendered.content())
				: new String(rendered.content(), StandardCharsets.UTF_8));
		answer.put("downloadUrl", UriComponentsBuilder.fromPath("/api/reports/{id}")
			.queryParam("hops", hops)
			.queryParam("format", format.extension())
			.buildAndExpand(id)
			.encode()
			.toUriString());
		return answer;
	}

	private static int hops(String hops) {
		try {
			int value = Integer.parseInt(hops.strip());
			ReportBuilder.check("-", value);
			return value;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("hops must be a whole number between " + ReportBuilder.MIN_HOPS + " and " + ReportBuilder.MAX_HOPS
					+ ", was '" + hops + "'");
		}
	}

	@ExceptionHandler(UnknownEntityException.class)
	ResponseEntity<ProblemDetail> notFound(UnknownEntityException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(BadRequestException ex) {
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

}
