package io.ipgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ipgraph: a knowledge-graph explorer for intellectual-property disputes. Starts (by default) an
 * embedded Neo4j, applies the schema migrations, loads the seed cases and serves GraphQL, GraphiQL and
 * Neo4j Browser.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IpgraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(IpgraphApplication.class, args);
	}

}
