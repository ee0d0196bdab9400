package io.ipgraph.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads built to exhaust the memory of the process that holds the database: a gzip bomb and an endless line. Each
 * gets 413 naming its limit, nothing is written, and the heap does not grow with what was sent (the old generation's
 * peak and the heap after a collection stay within a fraction of the bytes the upload would have been).
 */
@IpgraphTest
class UploadLimitsTest {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	void aGzipBombIsRefusedWithinItsFirstMegabytes() throws Exception {
		// 1 GiB of empty lines: about a megabyte compressed, a thousand times its size expanded
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bomb, 1 << 16)) {
			byte[] newlines = new byte[1 << 20];
			java.util.Arrays.fill(newlines, (byte) '\n');
			for (int i = 0; i < 1024; i++) {
				gzip.write(newlines);
			}
		}
		HttpResponse<String> answer = watchingTheHeap(1L << 30, () -> upload(HttpRequest.BodyPublishers.ofByteArray(bomb.toByteArray()), true));
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"limit\":\"ipgraph.imports.max-expansion-ratio\"").contains("expands more than 200 times");
	}

	@Test
	void anEndlessLineIsRefusedAtTheLongestLineAllowed() throws Exception {
		long size = 512L << 20;
		String answer = watchingTheHeap(size, () -> streamed(size));
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("\"limit\":\"ipgraph.imports.max-line\"").contains("a line is longer than 4194304 characters");
	}

	@Test
	void theLinesBeforeALineTooLongAreReportedAndTheLineIsNotWritten() throws Exception {
		String good = "{\"kind\":\"node\",\"label\":\"Source\",\"id\":\"src:upload-limits-test\",\"properties\":{\"title\":\"Upload limits test\",\"kind\":\"test\"}}\n";
		byte[] body = (good + "{\"kind\":\"node\",\"label\":\"Source\",\"id\":\"src:upload-limits-long\",\"properties\":{\"title\":\""
				+ "x".repeat(5 << 20) + "\"}}\n").getBytes(StandardCharsets.UTF_8);
		long before = nodes();
		HttpResponse<String> answer = upload(HttpRequest.BodyPublishers.ofByteArray(body), false);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"importedBeforeTheLimit\"").contains("\"line\":2");
		assertThat(nodes()).as("the batch that held the long line is not written").isEqualTo(before);
	}

	@Test
	void aFollowTheMoneyUploadStopsAtALineTooLongWithTheSummaryOfWhatCameBefore() throws Exception {
		String good = "{\"id\":\"upload-limits-ftm\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Upload Limits Trading Co.\"]}}\n";
		byte[] body = (good + "{\"id\":\"upload-limits-ftm-long\",\"schema\":\"Company\",\"properties\":{\"name\":[\"" + "x".repeat(5 << 20)
				+ "\"]}}\n").getBytes(StandardCharsets.UTF_8);
		long before = nodes();
		HttpResponse<String> answer = upload(HttpRequest.BodyPublishers.ofByteArray(body), false, "&format=ftm");
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"limit\":\"ipgraph.imports.max-line\"").contains("\"importedBeforeTheLimit\"")
			.contains("the rest of the file is not read");
		assertThat(nodes()).as("the batch being read at the limit is not written").isEqualTo(before);
	}

	private HttpResponse<String> upload(HttpRequest.BodyPublisher body, boolean gzip) throws IOException, InterruptedException {
		return upload(body, gzip, "");
	}

	private HttpResponse<String> upload(HttpRequest.BodyPublisher body, boolean gzip, String query) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/import?name=hostile" + query))
			.header("Content-Type", "application/x-ndjson")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("editor:editor-test-pw".getBytes(StandardCharsets.UTF_8)))
			.POST(body);
		if (gzip) {
			request.header("Content-Encoding", "gzip");
		}
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	/**
	 * Posts {@code size} bytes of one endless line over a plain socket, as curl would, and returns what the server
	 * answered: the server answers before the body ends and closes the connection, which fails the sending side only.
	 */
	private String streamed(long size) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(120_000);
			var out = socket.getOutputStream();
			String head = "POST /api/import?name=hostile HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
					+ "Authorization: Basic " + Base64.getEncoder().encodeToString("editor:editor-test-pw".getBytes(StandardCharsets.UTF_8))
					+ "\r\nContent-Length: " + size + "\r\n\r\n";
			Thread sender = Thread.ofVirtual().start(() -> {
				try (InputStream body = endless(size)) {
					out.write(head.getBytes(StandardCharsets.ISO_8859_1));
					body.transferTo(out);
				}
				catch (IOException ex) {
					// the server stopped reading and closed: expected
				}
			});
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			sender.join(120_000);
			return answer;
		}
	}

	private interface Upload<T> {

		T send() throws Exception;

	}

	/** Sends the upload and checks that the heap did not take in what it carried, and that nothing was written. */
	private <T> T watchingTheHeap(long uploadBytes, Upload<T> upload) throws Exception {
		long nodesBefore = nodes();
		List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old"))
			.toList();
		System.gc();
		long usedBefore = used();
		old.forEach(MemoryPoolMXBean::resetPeakUsage);
		long oldBefore = old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		T answer = upload.send();
		long oldPeak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.gc();
		long usedAfter = used();
		assertThat(oldPeak - oldBefore).as("old generation growth while the upload was read").isLessThan(uploadBytes / 8);
		assertThat(usedAfter - usedBefore).as("heap kept after the upload").isLessThan(64L << 20);
		assertThat(nodes()).as("nothing written").isEqualTo(nodesBefore);
		return answer;
	}

	private static long used() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private long nodes() {
		return this.driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
	}

	/** {@code size} bytes of one line that never ends, made as they are read. */
	private static InputStream endless(long size) {
		return new InputStream() {

			private long left = size;

			@Override
			public int read() {
				return this.left-- > 0 ? 'a' : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
				this.left -= n;
				return n;
			}
		};
	}

}
