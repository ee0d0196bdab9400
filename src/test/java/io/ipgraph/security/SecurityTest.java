package io.ipgraph.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import io.ipgraph.GraphQlClient;
import io.ipgraph.GraphQlHttpTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets in, against the running application: anonymous and wrong-password callers are refused before GraphQL
 * reads the request, analysts cannot call any mutation of the schema, editors can, and JWT bearer tokens signed by
 * the configured key carry their roles (tokens signed otherwise, or expired, are refused).
 */
class SecurityTest extends GraphQlHttpTest {

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	GraphStore store;

	private WebTestClient anonymous() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void anonymousCallersAreRefusedBeforeTheRequestIsParsed() {
		// not even valid JSON: a 401 (not a 400) shows the request was refused before GraphQL read it
		anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{ this is not json")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ipgraph\".*");
		anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("analyst:wrong".getBytes(StandardCharsets.UTF_8)))
			.bodyValue("{\"query\":\"{ __typename }\"}")
			.exchange()
			.expectStatus().isUnauthorized();
		anonymous().get().uri("/graphiql").exchange().expectStatus().isUnauthorized();
		anonymous().get().uri("/graphql/schema").exchange().expectStatus().isUnauthorized();
		// the front page: a web browser is asked to sign in (the page it shows meanwhile says so), any other client too;
		// only Neo4j Browser's discovery request (JSON only) passes, and finds nothing
		anonymous().get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(page -> assertThat(page).contains("Sign in to ipgraph"));
		anonymous().get().uri("/").exchange().expectStatus().isUnauthorized();
		anonymous().get().uri("/api/overview").exchange().expectStatus().isUnauthorized();
		anonymous().get().uri("/").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isEqualTo(406)
			.expectBody(String.class).value(body -> assertThat(body).doesNotContain("Company"));
		// errors: a page for a person, JSON for a program
		GraphQlClient.http(this.port, "analyst").get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(page -> assertThat(page).contains("Nothing here").contains("href=\"/\""));
		GraphQlClient.http(this.port, "analyst").get().uri("/no-such-page").accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.path").isEqualTo("/no-such-page");
		// the health probe answers anyone, without the details
		anonymous().get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
		GraphQlClient.http(this.port, "analyst").get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.components.neo4j.status").isEqualTo("UP");
	}

	/**
	 * Mutations every signed-in user may call: they write no fact of the graph, only the caller's own watches and the
	 * triage of the alerts they see (and their record in the audit trail); WatchesTest covers them as an analyst.
	 */
	static final List<String> ANY_USER = List.of("watchMark", "watchEntity", "watchSquatting", "changeWatch", "removeWatch", "triageAlert");

	@Test
	void analystsCannotCallAnyMutationAndNothingIsWritten() {
		GraphQLSchema schema = this.graphQlSource.schema();
		assertThat(schema.getMutationType()).as("the schema has mutations to guard").isNotNull();
		long judgements = count();
		List<String> called = new ArrayList<>();
		for (GraphQLFieldDefinition mutation : schema.getMutationType().getFieldDefinitions()) {
			if (ANY_USER.contains(mutation.getName())) {
				continue;
			}
			String document = "mutation { " + mutation.getName() + arguments(mutation) + " { __typename } }";
			this.graphql.document(document)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(document)
					.singleElement()
					.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
			called.add(mutation.getName());
		}
		assertThat(called).contains("mergeEntities", "splitEntities", "undoJudgement", "updateEntity", "retractEntity", "restoreEntity", "restrictEntity");
		assertThat(schema.getMutationType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName)).containsAll(ANY_USER);
		assertThat(count()).isEqualTo(judgements);
	}

	@Test
	void editorsPassTheRoleCheck() {
		// an unknown judgement: the editor gets past the role check to the domain's own answer
		as("editor").document("mutation { undoJudgement(id: \"judgement:none\", reason: \"check\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
	}

	@Test
	void bearerTokensCarryTheirRoles() throws Exception {
		RSAPrivateKey key = privateKey();
		String mutation = "mutation { undoJudgement(id: \"judgement:none\", reason: \"check\") { id } }";
		bearer(token(key, List.of("ANALYST"), Instant.now().plusSeconds(300))).document("{ company(id: \"company:amazon\") { name } }")
			.execute()
			.path("company.name").entity(String.class).isEqualTo("Amazon.com, Inc.");
		bearer(token(key, List.of("ANALYST"), Instant.now().plusSeconds(300))).document(mutation)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
		bearer(token(key, List.of("editor"), Instant.now().plusSeconds(300))).document(mutation)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
		// expired, or signed with a key the application does not trust: refused at the door
		for (String refused : List.of(token(key, List.of("ADMIN"), Instant.now().minusSeconds(600)),
				token(otherKey(), List.of("ADMIN"), Instant.now().plusSeconds(300)))) {
			anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + refused)
				.bodyValue("{\"query\":\"{ __typename }\"}")
				.exchange()
				.expectStatus().isUnauthorized();
		}
	}

	private HttpGraphQlTester bearer(String token) {
		return HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build());
	}

	private static String token(RSAPrivateKey key, List<String> roles, Instant expires) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-42")
			.claim("preferred_username", "token-user")
			.claim("roles", roles)
			.issueTime(Date.from(expires.minusSeconds(900)))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAPrivateKey privateKey() throws Exception {
		String pem = Files.readString(Path.of("src/test/resources/security/jwt-private.pem"), StandardCharsets.US_ASCII);
		byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
		return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	private static RSAPrivateKey otherKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
	}

	private long count() {
		return this.store.read("MATCH (j:Judgement) RETURN count(j) AS n", Map.of()).getFirst().get("n").asLong();
	}

	/** Arguments of the right types for a mutation (values an editor's call would be refused or answered for). */
	private static String arguments(GraphQLFieldDefinition field) {
		if (field.getArguments().isEmpty()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			parts.add(argument.getName() + ": " + value(argument.getType()));
		}
		return "(" + String.join(", ", parts) + ")";
	}

	private static String value(GraphQLInputType type) {
		if (type instanceof GraphQLNonNull nonNull) {
			return value((GraphQLInputType) nonNull.getWrappedType());
		}
		if (type instanceof GraphQLList list) {
			return "[" + value((GraphQLInputType) list.getWrappedType()) + ", " + value((GraphQLInputType) list.getWrappedType()) + "]";
		}
		if (type instanceof GraphQLScalarType scalar) {
			return switch (scalar.getName()) {
				case "Int" -> "1";
				case "Float" -> "1.5";
				case "Boolean" -> "true";
				default -> "\"company:amazon\"";
			};
		}
		if (type instanceof GraphQLInputObjectType object) {
			List<String> fields = new ArrayList<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				if (field.getType() instanceof GraphQLNonNull) {
					fields.add(field.getName() + ": " + value(field.getType()));
				}
			}
			return "{ " + String.join(", ", fields) + " }";
		}
		throw new AssertionError("extend this test for the argument type " + type);
	}

}
