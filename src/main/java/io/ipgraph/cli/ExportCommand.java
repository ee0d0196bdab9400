package io.ipgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import io.ipgraph.imports.FollowTheMoney;
import io.ipgraph.imports.GraphExport;

/**
 * {@code export [--around ID,ID... [--hops N]] FILE}: writes the graph (or the entities within N relationships of
 * some, with the sources they cite) in the import format; {@code -} writes to standard output, {@code .gz}
 * compresses. Exit code 0 on success, 2 when the command could not run.
 */
public final class ExportCommand {

	public static final String USAGE = "usage: export [--format ipgraph|ftm] [--around ID,ID... [--hops N]] FILE"
			+ " (FILE may be - for standard output; .gz compresses; ftm: FollowTheMoney entities of the whole graph)";

	private final GraphExport export;

	private final FollowTheMoney ftm;

	private final PrintStream err;

	/** Where {@code -} writes: the command's standard output (the logs go to standard error). */
	private final PrintStream out;

	public ExportCommand(GraphExport export, FollowTheMoney ftm, PrintStream out, PrintStream err) {
		this.export = export;
		this.ftm = ftm;
		this.out = out;
		this.err = err;
	}

	public int run(List<String> args) {
		List<String> around = new ArrayList<>();
		int hops = 1;
		String format = "ipgraph";
		String file = null;
		try {
			for (int i = 0; i < args.size(); i++) {
				switch (args.get(i)) {
					case "--around" -> around.addAll(Arrays.asList(args.get(++i).split(",")));
					case "--hops" -> hops = Integer.parseInt(args.get(++i));
					case "--format" -> format = args.get(++i);
					default -> {
						if (args.get(i).startsWith("--") || file != null) {
							this.err.println(USAGE);
							return 2;
						}
						file = args.get(i);
					}
				}
			}
		}
		catch (IndexOutOfBoundsException | NumberFormatException ex) {
			this.err.println(USAGE);
			return 2;
		}
		if (file == null || !(format.equals("ipgraph") || format.equals("ftm")) || (format.equals("ftm") && !around.isEmpty())) {
			this.err.println(USAGE);
			return 2;
		}
		try (Writer out = new OutputStreamWriter(open(file), StandardCharsets.UTF_8)) {
			if (format.equals("ftm")) {
				this.err.println("exported FollowTheMoney entities " + this.ftm.export(out) + " to " + file);
				return 0;
			}
			GraphExport.Exported exported = around.isEmpty() ? this.export.all(out) : this.export.around(around, hops, out);
			this.err.printf(Locale.ROOT, "exported %,d nodes and %,d relationships to %s%n", exported.nodes(), exported.relationships(), file);
			return 0;
		}
		catch (IOException | IllegalArgumentException ex) {
			this.err.println("export failed: " + ex.getMessage());
			return 2;
		}
	}

	private OutputStream open(String file) throws IOException {
		if (file.equals("-")) {
			return new java.io.FilterOutputStream(this.out) {
				@Override
				public void close() throws IOException {
					flush();
				}
			};
		}
		OutputStream out = Files.newOutputStream(Path.of(file));
		return file.endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
	}

}
