package io.ipgraph.browser;

import java.net.URI;

import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.store.Neo4jConnectionProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Neo4j Browser's static files come from the {@code org.neo4j.client:neo4j-browser} jar. Opening
 * {@code /browser/} redirects to the Browser with the connection prefilled: the embedded Bolt port without
 * authentication, or the configured external server ({@code ipgraph.browser.bolt-url} overrides both, for
 * when the server's address seen from the user's machine differs, as in docker-compose).
 */
@Configuration(proxyBeanMethods = false)
class BrowserConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/browser/**").addResourceLocations("classpath:/browser/");
	}

	@Controller
	static class BrowserEntry {

		private final ObjectProvider<EmbeddedNeo4j> embedded;

		private final Neo4jConnectionProperties connection;

		private final String boltUrl;

		BrowserEntry(ObjectProvider<EmbeddedNeo4j> embedded, Neo4jConnectionProperties connection,
				@Value("${ipgraph.browser.bolt-url:}") String boltUrl) {
			this.embedded = embedded;
			this.connection = connection;
			this.boltUrl = boltUrl;
		}

		@GetMapping({ "/browser", "/browser/" })
		ResponseEntity<Void> open() {
			EmbeddedNeo4j db = this.embedded.getIfAvailable();
			String dbms = !this.boltUrl.isBlank() ? this.boltUrl : (db != null) ? db.boltUri() : this.connection.uri();
			boolean noAuth = db != null && !db.authEnabled();
			URI target = UriComponentsBuilder.fromPath("/browser/index.html")
				.queryParam("dbms", dbms)
				.queryParam("preselectAuthMethod", noAuth ? "NO_AUTH" : "USERNAME_PASSWORD")
				.build()
				.encode()
				.toUri();
			return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
		}

	}

}
