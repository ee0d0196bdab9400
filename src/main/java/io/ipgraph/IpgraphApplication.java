package io.ipgraph;

import java.util.Arrays;
import java.util.List;

import io.ipgraph.cli.ExportCommand;
import io.ipgraph.cli.HashPasswordCommand;
import io.ipgraph.cli.ImportCommand;
import io.ipgraph.cli.ReportCommand;
import io.ipgraph.embedded.StoreMaintenance;
import io.ipgraph.imports.FollowTheMoney;
import io.ipgraph.imports.GraphChecksum;
import io.ipgraph.imports.GraphExport;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.registry.RegistryImport;
import io.ipgraph.report.Reports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ipgraph: a knowledge-graph explorer for intellectual-property disputes. Starts (by default) an
 * embedded Neo4j, applies the schema migrations, loads the seed cases and serves GraphQL, GraphiQL and
 * Neo4j Browser. With {@code import FILE...}, {@code export FILE} or {@code report --out FILE ID} as arguments it
 * imports or exports files, or writes an investigative report, with the configured database instead (no web
 * server) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IpgraphApplication {

	public static void main(String[] args) {
		if (args.length > 0 && List.of("check", "backup", "restore").contains(args[0])) {
			System.exit(StoreMaintenance.run(args[0], Arrays.asList(args).subList(1, args.length), System.out, System.err));
		}
		if (args.length > 0 && args[0].equals("hash-password")) {
			System.exit(HashPasswordCommand.run(System.out, System.err));
		}
		if (args.length > 0 && (args[0].equals("import") || args[0].equals("export") || args[0].equals("report"))) {
			System.exit(command(args[0], Arrays.asList(args).subList(1, args.length)));
		}
		SpringApplication.run(IpgraphApplication.class, args);
	}

	/**
	 * Runs {@code import}, {@code export} or {@code report} against the configured database, without the web server.
	 * What the command answers (the import's summary, the checksum) goes to standard output and nothing else does:
	 * the logs of Spring Boot and Neo4j, and the progress, go to standard error, so that {@code import f > summary.txt}
	 * or a pipe gets the summary alone.
	 */
	private static int command(String name, List<String> args) {
		java.io.PrintStream answers = System.out;
		System.setOut(System.err);
		try {
			return command(name, args, answers);
		}
		finally {
			System.setOut(answers);
		}
	}

	private static int command(String name, List<String> args, java.io.PrintStream answers) {
		List<String> springArgs = args.stream().filter(a -> a.startsWith("--") && a.contains("=")).toList();
		List<String> commandArgs = args.stream().filter(a -> !(a.startsWith("--") && a.contains("="))).toList();
		if (commandArgs.isEmpty() || commandArgs.contains("--help")) {
			System.err.println(switch (name) {
				case "import" -> ImportCommand.USAGE;
				case "report" -> ReportCommand.USAGE;
				default -> ExportCommand.USAGE;
			});
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IpgraphApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			// the command says why it could not start, in one line
			.properties("logging.level.org.springframework.boot.SpringApplication=off")
			.run(springArgs.toArray(String[]::new))) {
			if (name.equals("report")) {
				return new ReportCommand(context.getBean(Reports.class), System.err).run(commandArgs);
			}
			if (name.equals("export")) {
				return new ExportCommand(context.getBean(GraphExport.class), context.getBean(FollowTheMoney.class), answers, System.err).run(commandArgs);
			}
			return new ImportCommand(context.getBean(GraphImporter.class), context.getBean(GraphChecksum.class), context.getBean(FollowTheMoney.class),
					context.getBean(RegistryImport.class), answers, System.err)
				.run(commandArgs);
		}
		catch (RuntimeException ex) {
			Throwable reason = ex;
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof IllegalStateException) {
					reason = cause;
					break;
				}
				reason = cause;
			}
			System.err.println(name + " could not start: " + reason.getMessage());
			return 2;
		}
	}

}
