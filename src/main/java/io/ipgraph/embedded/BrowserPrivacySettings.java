package io.ipgraph.embedded;

import org.neo4j.configuration.Description;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;

/**
 * A Neo4j Browser setting that Neo4j 2026 no longer declares, though the Browser still reads it from
 * {@code CALL dbms.clientConfig()}: when it is absent the Browser loads fonts, guides and scripts from the
 * internet. Declared here (and listed in {@code META-INF/services}) so that the embedded server reports it.
 */
public final class BrowserPrivacySettings implements SettingsDeclaration {

	@Description("Whether Neo4j Browser may fetch anything beyond this server (fonts, remote guides, usage data).")
	public static final Setting<Boolean> allow_outgoing_connections = SettingImpl
		.newBuilder("browser.allow_outgoing_connections", SettingValueParsers.BOOL, false)
		.build();

}
