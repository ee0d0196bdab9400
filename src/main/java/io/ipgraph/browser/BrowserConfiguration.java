package io.ipgraph.browser;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.store.Neo4jConnectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Neo4j Browser's static files come from the {@code org.neo4j.client:neo4j-browser} jar. Opening
 * {@code /browser/} redirects to the Browser with the connection prefilled: the embedded Bolt port without
 * authentication, or the configured external server ({@code ipgraph.browser.bolt-url} overrides both, for
 * when the server's address seen from the user's machine differs, as in docker-compose).
 * <p>
 * The Browser kit of {@code cypher/browser} (guide, GraSS style, saved queries) is served at
 * {@code /browser-guide/}. The embedded server tells the Browser, on every connect, to apply the style and play
 * the guide ({@code browser.post_connect_cmd}) and allows it to fetch them from this host. The redirect does not
 * add the Browser's {@code cmd=play} parameter: a command in the URL turns the post-connect commands off.
 */
@Configuration(proxyBeanMethods = false)
class BrowserConfiguration implements WebMvcConfigurer {

	static final String KIT_PATH = "/browser-guide/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/browser/**").addResourceLocations("classpath:/browser/");
		registry.addResourceHandler(KIT_PATH + "**").addResourceLocations("classpath:/cypher/browser/");
	}

	/**
	 * The kit is public, static and read-only; a Neo4j Browser served from elsewhere (Neo4j Desktop, a Neo4j
	 * server's own) may play the guide and load the style too. The Browser asks with no-cache headers, hence the
	 * preflight.
	 */
	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping(KIT_PATH + "**").allowedOrigins("*").allowedMethods("GET").allowedHeaders("*");
	}

	/**
	 * Once the HTTP port is known: the embedded server's Browser settings. The commands need absolute URLs (the
	 * Browser fetches guides and styles only by URL, from allow-listed hosts); {@code ipgraph.browser.kit-url}
	 * gives the address users reach the application at when it is not {@code http://localhost:<port>}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class EmbeddedBrowserSettings implements ApplicationListener<WebServerInitializedEvent> {

		private static final Logger log = LoggerFactory.getLogger(EmbeddedBrowserSettings.class);

		private final ObjectProvider<EmbeddedNeo4j> embedded;

		private final String kitUrl;

		EmbeddedBrowserSettings(ObjectProvider<EmbeddedNeo4j> embedded, @Value("${ipgraph.browser.kit-url:}") String kitUrl) {
			this.embedded = embedded;
			this.kitUrl = kitUrl;
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			EmbeddedNeo4j db = this.embedded.getIfAvailable();
			if (db == null || event.getApplicationContext().getServerNamespace() != null) {
				return;
			}
			String base = kitBase(this.kitUrl, event.getWebServer().getPort());
			try {
				db.browserClientSettings(postConnectCommands(base), remoteContentHosts(base));
			}
			catch (RuntimeException ex) {
				// the kit stays reachable by hand (:play, :style); the database is what matters
				log.warn("Neo4j Browser will not apply ipgraph's style and guide on connect: {}", ex.toString());
			}
		}

	}

	static String kitBase(String kitUrl, int port) {
		String base = kitUrl.isBlank() ? "http://localhost:" + port + KIT_PATH : kitUrl;
		return base.endsWith("/") ? base : base + "/";
	}

	/** Apply the style, then play the guide (so that the guide is the frame on top). */
	static String postConnectCommands(String kitBase) {
		return "style " + kitBase + "ipgraph.grass; play " + kitBase + "ipgraph.html";
	}

	/** The Browser's own defaults, the loopback names and the kit's host (the Browser compares host names only). */
	static String remoteContentHosts(String kitBase) {
		Set<String> hosts = new LinkedHashSet<>(List.of("guides.neo4j.com", "localhost", "127.0.0.1", "[::1]"));
		String kitHost = URI.create(kitBase).getHost();
		if (kitHost != null) {
			hosts.add(kitHost);
		}
		return String.join(",", hosts);
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
