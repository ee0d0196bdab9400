package io.ipgraph.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code application.yml} binds (the tests' own users would hide a broken default): no users, the
 * first-start password file, the JWT claim names.
 */
class SecurityPropertiesTest {

	@Test
	void theShippedConfigurationBindsWithNoUsers() throws Exception {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
		SecurityProperties properties = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("ipgraph.security",
				SecurityProperties.class);
		assertThat(properties.users()).isEmpty();
		assertThat(properties.initialPasswordFile()).hasToString("data/admin-password.txt");
		assertThat(properties.rolesClaim()).isEqualTo("roles");
		assertThat(properties.nameClaim()).isEqualTo("preferred_username");
	}

}
