package io.ipgraph.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Browser settings the embedded server hands out, for the default address and a configured one. */
class BrowserKitSettingsTest {

	@Test
	void defaultKitIsOnLocalhostAtTheHttpPort() {
		String base = BrowserConfiguration.kitBase("", 8080);
		assertThat(base).isEqualTo("http://localhost:8080/browser-guide/");
		assertThat(BrowserConfiguration.postConnectCommands(base)).isEqualTo(
				"style http://localhost:8080/browser-guide/ipgraph.grass; play http://localhost:8080/browser-guide/ipgraph.html");
		assertThat(BrowserConfiguration.remoteContentHosts(base)).isEqualTo("guides.neo4j.com,localhost,127.0.0.1,[::1]");
	}

	@Test
	void configuredKitUrlIsUsedAndItsHostAllowed() {
		String base = BrowserConfiguration.kitBase("https://ipgraph.example/kit", 8080);
		assertThat(base).isEqualTo("https://ipgraph.example/kit/");
		assertThat(BrowserConfiguration.postConnectCommands(base)).startsWith("style https://ipgraph.example/kit/ipgraph.grass;");
		assertThat(BrowserConfiguration.remoteContentHosts(base).split(",")).contains("localhost", "ipgraph.example");
	}

}
