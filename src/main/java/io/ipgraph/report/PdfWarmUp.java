package io.ipgraph.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Renders a small page with a picture to PDF once the server is up, in the background: the first PDF otherwise pays
 * for loading the renderer, Batik and the fonts (seconds on a busy machine), and over GraphQL that first answer could
 * run into the request timeout. The command line renders one report and skips this.
 */
@Component
class PdfWarmUp {

	private static final Logger log = LoggerFactory.getLogger(PdfWarmUp.class);

	@EventListener
	void warmUp(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		Thread.ofVirtual().name("pdf-warm-up").start(() -> {
			try {
				Pdf.render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>body { font-family: 'DejaVu Sans', 'CJK'; }</style></head>"
						+ "<body><p>ipgraph 北京</p><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\"><circle cx=\"10\" cy=\"10\" r=\"5\"/>"
						+ "<text x=\"2\" y=\"18\">a</text></svg></body></html>");
			}
			catch (RuntimeException ex) {
				log.warn("Could not prepare the PDF renderer: {}", ex.getMessage());
			}
		});
	}

}
