package io.ipgraph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application as the README starts it, on a random HTTP port, with its embedded Neo4j on a free Bolt port
 * and a data directory of its own. Every test class with this annotation shares the one application context
 * (and so the one Neo4j) of the test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ipgraph.embedded.bolt-port=0", "ipgraph.embedded.data-dir=target/test-neo4j/shared",
				"ipgraph.embedded.page-cache=128m" })
public @interface IpgraphTest {

}
