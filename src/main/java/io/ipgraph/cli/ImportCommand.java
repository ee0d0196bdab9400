package io.ipgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import io.ipgraph.imports.FollowTheMoney;
import io.ipgraph.imports.GraphChecksum;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportLimitExceeded;
import io.ipgraph.imports.ImportSummary;
import io.ipgraph.registry.RegistryImport;

/**
 * {@code import [--dry-run] [--batch N] FILE...}: imports JSON Lines files (or {@code -} for standard input;
 * {@code .gz} files are read compressed) with a progress bar on standard error and a summary per file.
 * Exit code 0 when every line went in, 1 when some lines were rejected, 2 when the command could not run.
 */
public final class ImportCommand {

	private final GraphImporter importer;

	private final GraphChecksum checksum;

	private final PrintStream out;

	private final PrintStream err;

	private final FollowTheMoney ftm;

	private final RegistryImport registry;

	public ImportCommand(GraphImporter importer, GraphChecksum checksum, FollowTheMoney ftm, RegistryImport registry,
			PrintStream out, PrintStream err) {
		this.importer = importer;
		this.registry = registry;
		this.ftm = ftm;
		this.checksum = checksum;
		this.out = out;
		this.err = err;
	}

	public static final String USAGE = "usage: import [--format ipgraph|ftm|registry] [--dry-run] [--batch N] [--checksum] FILE... (FILE may be - for standard input;"
			+ " .gz is read compressed; --checksum prints the graph's fingerprint afterwards;"
			+ " registry: USPTO trademark bulk XML, WIPO ST.96 or ST.66 XML)";

	public int run(List<String> args) {
		boolean dryRun = false;
		boolean fingerprint = false;
		String format = "ipgraph";
		int batch = GraphImporter.DEFAULT_BATCH;
		List<String> files = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--dry-run")) {
				dryRun = true;
			}
			else if (arg.equals("--checksum")) {
				fingerprint = true;
			}
			else if (arg.equals("--format") && i + 1 < args.size() && List.of("ipgraph", "ftm", "registry").contains(args.get(i + 1))) {
				format = args.get(++i);
			}
			else if (arg.equals("--batch") && i + 1 < args.size()) {
				try {
					batch = Integer.parseInt(args.get(++i));
				}
				catch (NumberFormatException ex) {
					batch = -1;
				}
				if (batch < 1 || batch > 100_000) {
					this.err.println("--batch must be between 1 and 100000");
					return 2;
				}
			}
			else if (arg.startsWith("--")) {
				this.err.println("unknown option " + arg + "\n" + USAGE);
				return 2;
			}
			else {
				files.add(arg);
			}
		}
		if (files.isEmpty()) {
			this.err.println(USAGE);
			return 2;
		}
		for (String file : files) {
			if (!file.equals("-") && !Files.isReadable(Path.of(file))) {
				this.err.println("cannot read " + file);
				return 2;
			}
		}
		long rejected = 0;
		for (String file : files) {
			try (InputStream input = open(file)) {
				long size = file.equals("-") || file.endsWith(".gz") ? -1 : Files.size(Path.of(file));
				ImportSummary summary;
				if (format.equals("registry")) {
					RegistryImport.Imported imported = this.registry.importStream(Path.of(file).getFileName().toString(), input,
							size, dryRun, this::progress);
					summary = imported.summary();
					this.err.print("\r" + " ".repeat(78) + "\r");
					this.out.print(RegistryImport.describe(imported));
					rejected += imported.errors().size();
				}
				else if (format.equals("ftm")) {
					FollowTheMoney.FtmImported imported = this.ftm.importFtm(file, input, size, dryRun, this::progress);
					summary = imported.summary();
					if (!imported.skipped().isEmpty()) {
						this.out.println(file + ": FtM entities of schemata ipgraph does not import: " + imported.skipped());
					}
				}
				else {
					summary = this.importer.importStream(file, input, size, dryRun, batch, this::progress);
				}
				this.err.print("\r" + " ".repeat(78) + "\r");
				this.out.print(summary.table());
				rejected += summary.rejected();
			}
			catch (IOException ex) {
				this.err.println("\n" + file + ": " + ex.getMessage());
				return 2;
			}
			catch (ImportLimitExceeded ex) {
				this.err.print("\r" + " ".repeat(78) + "\r");
				if (ex.summary() != null) {
					this.out.print(ex.summary().table());
				}
				this.err.println(file + ": stopped: " + ex.getMessage() + "; the whole batches before it are imported");
				return 2;
			}
		}
		if (fingerprint) {
			GraphChecksum.Fingerprint f = this.checksum.fingerprint();
			this.out.printf(Locale.ROOT, "graph: %,d nodes, %,d relationships, sha256 %s%n  labels %s%n  types %s%n", f.nodes(),
					f.relationships(), f.sha256(), f.labels(), f.types());
		}
		return rejected == 0 ? 0 : 1;
	}

	private static InputStream open(String file) throws IOException {
		if (file.equals("-")) {
			return System.in;
		}
		InputStream input = Files.newInputStream(Path.of(file));
		return file.endsWith(".gz") ? new GZIPInputStream(input, 1 << 16) : input;
	}

	private void progress(GraphImporter.Progress p) {
		double seconds = p.summary() == null ? 0 : Math.max(0.001, (System.nanoTime() - this.started) / 1e9);
		String rate = String.format(Locale.ROOT, "%,.0f lines/s", p.lines() / seconds);
		if (p.totalBytes() > 0) {
			int percent = (int) Math.min(100, 100 * p.bytes() / p.totalBytes());
			int filled = percent / 4;
			this.err.printf(Locale.ROOT, "\r[%s%s] %3d%%  %,d lines  %s   ", "#".repeat(filled), " ".repeat(25 - filled), percent, p.lines(), rate);
		}
		else {
			this.err.printf(Locale.ROOT, "\r%,d lines  %s   ", p.lines(), rate);
		}
	}

	private final long started = System.nanoTime();

}
