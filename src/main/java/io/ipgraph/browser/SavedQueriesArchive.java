package io.ipgraph.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The saved queries of {@code cypher/browser/queries} as one zip, which Neo4j Browser imports as favorites when
 * the file is dropped on its window: every query in a folder {@code ipgraph}, named by its first-line title.
 */
@RestController
class SavedQueriesArchive {

	static final String FOLDER = "ipgraph/";

	private final byte[] zip;

	SavedQueriesArchive() {
		this.zip = zip("classpath*:cypher/browser/queries/*.cypher");
	}

	@GetMapping(BrowserConfiguration.KIT_PATH + "ipgraph-queries.zip")
	ResponseEntity<byte[]> archive() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header("Content-Disposition", ContentDisposition.attachment().filename("ipgraph-queries.zip").build().toString())
			.body(this.zip);
	}

	static byte[] zip(String pattern) {
		try {
			Resource[] queries = new PathMatchingResourcePatternResolver().getResources(pattern);
			Arrays.sort(queries, Comparator.comparing(Resource::getFilename));
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			// a class path may hold the same file twice (classes and test classes, or a jar and a directory): once is enough
			java.util.Set<String> seen = new java.util.HashSet<>();
			try (ZipOutputStream out = new ZipOutputStream(bytes)) {
				for (Resource query : queries) {
					if (!seen.add(query.getFilename())) {
						continue;
					}
					out.putNextEntry(new ZipEntry(FOLDER + query.getFilename()));
					out.write(query.getContentAsByteArray());
					out.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
