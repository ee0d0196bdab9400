package io.ipgraph;

import java.util.Arrays;
import java.util.List;

import io.ipgraph.imports.GraphChecksum;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ipgraph: a knowledge-graph explorer for intellectual-property disputes. Starts (by default) an
 * embedded Neo4j, applies the schema migrations, loads the seed cases and serves GraphQL, GraphiQL and
 * Neo4j Browser. With {@code import FILE...} as arguments it imports files into the configured database
 * instead (no web server) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IpgraphApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("import")) {
			System.exit(importFiles(Arrays.asList(args).subList(1, args.length)));
		}
		SpringApplication.run(IpgraphApplication.class, args);
	}

	private static int importFiles(List<String> args) {
		List<String> springArgs = args.stream().filter(a -> a.startsWith("--") && a.contains("=")).toList();
		List<String> commandArgs = args.stream().filter(a -> !(a.startsWith("--") && a.contains("="))).toList();
		if (commandArgs.isEmpty() || commandArgs.contains("--help")) {
			System.err.println(ImportCommand.USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IpgraphApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			// the command says why it could not start, in one line
			.properties("logging.level.org.springframework.boot.SpringApplication=off")
			.run(springArgs.toArray(String[]::new))) {
			return new ImportCommand(context.getBean(GraphImporter.class), context.getBean(GraphChecksum.class), System.out, System.err)
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
			System.err.println("import could not start: " + reason.getMessage());
			return 2;
		}
	}

}
