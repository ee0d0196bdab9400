package io.ipgraph.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.home.Pages;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.Neo4jConnectionProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Neo4j Browser's static files come from the {@code org.neo4j.client:neo4j-browser} jar. Opening
 * {@code /browser/} (signed in, EDITOR or ADMIN) redirects to the Browser with the connection prefilled: the
 * embedded Bolt port, or the configured external server ({@code ipgraph.browser.bolt-url} overrides both, for
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

		EmbeddedBrowserSettings(ObjectProvider<EmbeddedNeo4j> embedded, BrowserProperties browser) {
			this.embedded = embedded;
			this.kitUrl = browser.kitUrl();
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			EmbeddedNeo4j db = this.embedded.getIfAvailable();
			if (db == null || event.getApplicationContext().getServerNamespace() != null) {
				return;
			}
			String base = kitBase(this.kitUrl, event.getWebServer().getPort());
			db.allowPageOrigins(pageOrigins(base, event.getWebServer().getPort()));
			try {
				db.browserClientSettings(postConnectCommands(base), remoteContentHosts(base));
			}
			catch (RuntimeException ex) {
				// the kit stays reachable by hand (:play, :style); the database is what matters
				log.warn("Neo4j Browser will not apply ipgraph's style and guide on connect: {}", ex.toString());
			}
		}

	}

	/** ipgraph's own origins, whose pages (Neo4j Browser) may open Bolt over WebSocket: loopback names and the kit's. */
	static Set<String> pageOrigins(String kitBase, int port) {
		Set<String> origins = new LinkedHashSet<>();
		for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
			origins.add("http://" + host + ":" + port);
		}
		URI kit = URI.create(kitBase);
		origins.add((kit.getScheme() + "://" + kit.getRawAuthority()).toLowerCase(java.util.Locale.ROOT));
		return origins;
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

	/**
	 * {@code /browser/}: for a signed-in EDITOR or ADMIN, the Browser with the Bolt address and their user name filled
	 * in (they type the same password as for ipgraph); for anyone else a page that says why not. The Bolt host is the
	 * host name the user opened ipgraph at, when the embedded server listens on loopback (so that the Browser opened at
	 * {@code 127.0.0.1} also connects to {@code 127.0.0.1}).
	 */
	@Controller
	static class BrowserEntry {

		private final ObjectProvider<EmbeddedNeo4j> embedded;

		private final Neo4jConnectionProperties connection;

		private final String boltUrl;

		BrowserEntry(ObjectProvider<EmbeddedNeo4j> embedded, Neo4jConnectionProperties connection, BrowserProperties browser) {
			this.embedded = embedded;
			this.connection = connection;
			this.boltUrl = browser.boltUrl();
		}

		@GetMapping({ "/browser", "/browser/" })
		ResponseEntity<String> open(HttpServletRequest request) {
			if (!CurrentUser.has("EDITOR")) {
				return ResponseEntity.status(HttpStatus.FORBIDDEN)
					.contentType(MediaType.TEXT_HTML)
					.body(notAllowed(CurrentUser.name()));
			}
			URI bolt = boltAddress(this.boltUrl, this.embedded.getIfAvailable(), this.connection.uri(), request.getServerName());
			String dbms = bolt.getScheme() + "://" + UriUtils.encodeUserInfo(CurrentUser.name(), StandardCharsets.UTF_8) + "@"
					+ bolt.getRawAuthority();
			URI target = UriComponentsBuilder.fromPath("/browser/index.html")
				.queryParam("dbms", dbms)
				.queryParam("preselectAuthMethod", "NATIVE")
				.build()
				.encode()
				.toUri();
			return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
		}

		private static String notAllowed(String user) {
			return Pages.problem(403, "Neo4j Browser is for editors and administrators",
					"Neo4j Browser runs raw Cypher on the database, so ipgraph opens it to the EDITOR role (read only, retracted "
							+ "entities hidden) and the ADMIN role (read and write).",
					"You are signed in as <b>" + HtmlUtils.htmlEscape(user) + "</b>. Explore the graph with <a href=\"/graphiql\">GraphiQL</a> "
							+ "and the investigative reports (<a href=\"/\">front page</a>) instead, or ask an administrator for the EDITOR role.");
		}

	}

	/** Where the Browser's Bolt connection goes: the configured address, the embedded server, or {@code NEO4J_URI}. */
	static URI boltAddress(String configured, EmbeddedNeo4j db, String externalUri, String requestHost) {
		if (!configured.isBlank()) {
			return URI.create(configured);
		}
		if (db == null) {
			return URI.create(externalUri);
		}
		URI embedded = URI.create(db.boltUri());
		String host = embedded.getHost();
		if (isLoopbackName(host) && isLoopbackName(requestHost)) {
			host = requestHost.contains(":") && !requestHost.startsWith("[") ? "[" + requestHost + "]" : requestHost;
		}
		return URI.create(embedded.getScheme() + "://" + host + ":" + embedded.getPort());
	}

	static boolean isLoopbackName(String host) {
		String h = host.replace("[", "").replace("]", "");
		return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
	}

	/**
	 * Every page of Neo4j Browser gets a Content-Security-Policy that lets it load and connect to this application,
	 * the Browser kit and the Bolt port only: the Browser's own calls to usage analytics, fonts or remote guides never
	 * leave the machine, whatever its settings.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BrowserContentPolicy {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> browserContentSecurityPolicy(ObjectProvider<EmbeddedNeo4j> embedded,
				Neo4jConnectionProperties connection, BrowserProperties browser) {
			String boltUrl = browser.boltUrl();
			String kitUrl = browser.kitUrl();
			OncePerRequestFilter filter = new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
						throws ServletException, IOException {
					URI bolt = boltAddress(boltUrl, embedded.getIfAvailable(), connection.uri(), request.getServerName());
					response.setHeader("Content-Security-Policy", contentPolicy(bolt, kitBase(kitUrl, request.getLocalPort()),
							request.getServerName(), request.getServerPort()));
					chain.doFilter(request, response);
				}
			};
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.addUrlPatterns("/browser/*", "/browser");
			return registration;
		}

	}

	static String contentPolicy(URI bolt, String kitBase, String requestHost, int requestPort) {
		Set<String> connect = new LinkedHashSet<>(List.of("'self'"));
		URI kit = URI.create(kitBase);
		connect.add(kit.getScheme() + "://" + kit.getRawAuthority());
		String boltAuthority = bolt.getHost() + ":" + (bolt.getPort() < 0 ? 7687 : bolt.getPort());
		connect.add("ws://" + boltAuthority);
		connect.add("wss://" + boltAuthority);
		if (isLoopbackName(bolt.getHost())) {
			for (String loopback : List.of("localhost", "127.0.0.1", "[::1]")) {
				connect.add("ws://" + loopback + ":" + bolt.getPort());
				connect.add("http://" + loopback + ":" + requestPort);
			}
		}
		return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; frame-src 'self'; "
				+ "connect-src " + String.join(" ", connect);
	}

}
