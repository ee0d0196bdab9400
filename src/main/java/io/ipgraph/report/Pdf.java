package io.ipgraph.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

/**
 * Renders a report's XHTML (inline SVG included) to PDF with openhtmltopdf (PDFBox; Batik draws the SVG).
 * Fonts: DejaVu Sans where the system has it (wide Latin, Greek and Cyrillic coverage, typographic quotes), and a
 * CJK font where one is installed, so Chinese names are drawn; otherwise PDF's standard fonts.
 */
final class Pdf {

	/** Font files looked for, with the family name the report's CSS asks for. */
	private static final List<String[]> FONTS = List.of(
			new String[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans", "400" },
			new String[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans", "700" },
			new String[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", "DejaVu Sans", "400i" },
			new String[] { "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "CJK", "400" });

	static {
		// the renderer reports every font load and layout pass at INFO; warnings are enough
		XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
	}

	private Pdf() {
	}

	static byte[] render(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useSVGDrawer(new BatikSVGDrawer());
			for (String[] font : FONTS) {
				File file = new File(font[0]);
				if (file.isFile()) {
					boolean italic = font[2].endsWith("i");
					int weight = Integer.parseInt(font[2].replace("i", ""));
					builder.useFont(file, font[1], weight,
							italic ? PdfRendererBuilder.FontStyle.ITALIC : PdfRendererBuilder.FontStyle.NORMAL, true);
				}
			}
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
