package io.ipgraph.browser;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Neo4j Browser that ipgraph serves.
 *
 * @param kitUrl where the Browser fetches ipgraph's guide and style from, when not from this server (for a Browser
 *        that reaches ipgraph under another address); empty: this server's {@code /browser-guide/}
 * @param boltUrl the Bolt address the Browser connects to, when not the embedded database's (behind a proxy, or a
 *        Neo4j server); empty: worked out from the request and the database in use
 */
@ConfigurationProperties("ipgraph.browser")
public record BrowserProperties(String kitUrl, String boltUrl) {

	public BrowserProperties {
		kitUrl = kitUrl == null ? "" : kitUrl;
		boltUrl = boltUrl == null ? "" : boltUrl;
	}

}
