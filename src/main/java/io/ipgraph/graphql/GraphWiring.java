package io.ipgraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import io.ipgraph.graphql.NodeQueries.RelKey;
import io.ipgraph.graphql.NodeQueries.TooMany;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.Cited;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.GraphModel.NodeType;
import io.ipgraph.model.GraphModel.RelField;
import io.ipgraph.model.GraphModel.ScalarKind;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Data fetchers of the generated queries and of every relationship, citation and dispute field. Relationship
 * fields selected below a node query come with its answer (one query for the request); the rest go through three
 * DataLoaders (relations, sources, disputes), so a request costs at most one query per field and level, however
 * many parents the page holds.
 */
final class GraphWiring implements RuntimeWiringConfigurer {

	static final String RELATIONS = "ipgraph.relations";

	static final String SOURCES = "ipgraph.sources";

	static final String DISPUTES = "ipgraph.disputes";

	private final GraphModel model;

	private final NodeQueries queries;

	private final GraphQlProperties properties;

	GraphWiring(GraphModel model, NodeQueries queries, GraphQlProperties properties, BatchLoaderRegistry batchLoaders) {
		this.model = model;
		this.queries = queries;
		this.properties = properties;
		batchLoaders.<RelKey, Object>forName(RELATIONS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> queries.relations(keys)));
		batchLoaders.<String, Map<String, Object>>forName(SOURCES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> queries.sources(keys)));
		batchLoaders.<String, List<Map<String, Object>>>forName(DISPUTES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> queries.disputes(keys)));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(PartialDateScalar.INSTANCE);
		TypeResolver byTypename = env -> env.getSchema()
			.getObjectType((String) ((Map<?, ?>) env.getObject()).get(EntityRow.TYPENAME));
		wiring.type("Entity", t -> t.typeResolver(byTypename));
		this.model.unions().keySet().forEach(u -> wiring.type(u, t -> t.typeResolver(byTypename)));

		wiring.type("Query", t -> {
			t.dataFetcher("search", this::search);
			t.dataFetcher("entity", env -> this.queries.entity(env.getArgument("id")));
			for (NodeType type : this.model.nodes().values()) {
				t.dataFetcher(type.singular(), env -> this.queries.byId(type, env.getArgument("id"), env.getSelectionSet().getImmediateFields()));
				t.dataFetcher(type.plural(), env -> list(type, env));
				t.dataFetcher(type.plural() + "Connection", env -> connection(type, env));
			}
			return t;
		});

		for (NodeType type : this.model.nodes().values()) {
			wiring.type(type.name(), t -> {
				t.dataFetcher("sources", GraphWiring::citations);
				t.dataFetcher("disputes", this::disputes);
				type.properties().forEach((name, kind) -> {
					if (kind == ScalarKind.STRING_LIST || kind == ScalarKind.INT_LIST) {
						t.dataFetcher(name, env -> {
							Object value = ((Map<?, ?>) env.getSource()).get(name);
							return value == null ? List.of() : value;
						});
					}
				});
				for (RelField rel : type.relationships().values()) {
					t.dataFetcher(rel.name(), env -> related(type, rel, env));
				}
				return t;
			});
		}
		this.model.citedTypes().forEach(cited -> wiring.type(cited, t -> t.dataFetcher("sources", GraphWiring::citations)));
		wiring.type("Citation", t -> t.dataFetcher("source", env -> {
			DataLoader<String, Map<String, Object>> loader = env.getDataLoader(SOURCES);
			return loader.load((String) ((Map<?, ?>) env.getSource()).get("sourceId"));
		}));
	}

	private List<Map<String, Object>> list(NodeType type, DataFetchingEnvironment env) {
		int limit = env.getArgumentOrDefault("limit", this.properties.defaultPageSize());
		int offset = env.getArgumentOrDefault("offset", 0);
		checkPageSize("limit", limit);
		if (offset < 0) {
			throw new BadRequestException("offset must not be negative");
		}
		return this.queries.list(type, env.getArgument("where"), env.getArgument("sort"), offset, limit, env.getSelectionSet().getImmediateFields());
	}

	private CountedConnection connection(NodeType type, DataFetchingEnvironment env) {
		int first = env.getArgumentOrDefault("first", this.properties.defaultPageSize());
		checkPageSize("first", first);
		int offset = env.getArgument("after") == null ? 0 : Cursor.decode(env.getArgument("after")) + 1;
		Map<String, Object> where = env.getArgument("where");
		List<SelectedField> nodeFields = new ArrayList<>();
		for (SelectedField edges : env.getSelectionSet().getImmediateFields()) {
			if (edges.getName().equals("edges")) {
				nodeFields.addAll(NodeQueries.below(edges, "node"));
			}
		}
		List<Map<String, Object>> rows = this.queries.list(type, where, env.getArgument("sort"), offset, first + 1, nodeFields);
		boolean hasNext = rows.size() > first;
		List<Map<String, Object>> page = hasNext ? rows.subList(0, first) : rows;
		List<Edge<Map<String, Object>>> edges = new ArrayList<>();
		for (int i = 0; i < page.size(); i++) {
			edges.add(new DefaultEdge<>(page.get(i), new DefaultConnectionCursor(Cursor.encode(offset + i))));
		}
		PageInfo pageInfo = new DefaultPageInfo(edges.isEmpty() ? null : edges.getFirst().getCursor(),
				edges.isEmpty() ? null : edges.getLast().getCursor(), offset > 0, hasNext);
		Long total = null;
		if (env.getSelectionSet().contains("totalCount")) {
			// the count query is only needed when this page does not reach the end
			total = (!hasNext && (offset == 0 || !page.isEmpty())) ? (long) offset + page.size() : this.queries.count(type, where);
		}
		return new CountedConnection(edges, pageInfo, total);
	}

	/** A Relay connection that also answers {@code totalCount}. */
	static final class CountedConnection extends DefaultConnection<Map<String, Object>> {

		private final Long totalCount;

		CountedConnection(List<Edge<Map<String, Object>>> edges, PageInfo pageInfo, Long totalCount) {
			super(edges, pageInfo);
			this.totalCount = totalCount;
		}

		public Long getTotalCount() {
			return this.totalCount;
		}

	}

	private void checkPageSize(String argument, int value) {
		if (value < 0 || value > this.properties.maxPageSize()) {
			throw new BadRequestException(argument + " must be between 0 and " + this.properties.maxPageSize() + ", was " + value);
		}
	}

	private List<Map<String, Object>> search(DataFetchingEnvironment env) {
		int limit = env.getArgumentOrDefault("limit", 20);
		checkPageSize("limit", limit);
		List<String> kinds = env.getArgument("kinds");
		List<String> labels = null;
		if (kinds != null) {
			labels = kinds.stream()
				.map(k -> this.model.nodeIgnoringCase(k)
					.orElseThrow(() -> new BadRequestException("Unknown kind '" + k + "'; kinds are " + this.model.nodes().keySet()))
					.label())
				.toList();
		}
		return this.queries.search(env.getArgument("query"), labels, limit);
	}

	private CompletableFuture<Object> related(NodeType type, RelField rel, DataFetchingEnvironment env) {
		Map<?, ?> parent = env.getSource();
		Object loaded = this.queries.prefetched(rel, parent, env.getField().getResultKey(), env.getArgument("limit"));
		if (loaded != NodeQueries.NOT_LOADED) {
			return CompletableFuture.completedFuture(loaded == null && rel.list() ? List.of() : loaded);
		}
		String parentId = (String) parent.get("id");
		DataLoader<RelKey, Object> loader = env.getDataLoader(RELATIONS);
		Map<String, Object> arguments = new HashMap<>(env.getArguments());
		return loader.load(new RelKey(type.name(), rel.name(), parentId, arguments)).thenApply(value -> {
			if (value instanceof TooMany tooMany) {
				throw new BadRequestException(tooMany.message());
			}
			if (value == null && rel.list()) {
				return List.of();
			}
			return value;
		});
	}

	private CompletableFuture<List<Map<String, Object>>> disputes(DataFetchingEnvironment env) {
		DataLoader<String, List<Map<String, Object>>> loader = env.getDataLoader(DISPUTES);
		return loader.load((String) ((Map<?, ?>) env.getSource()).get("id")).thenApply(v -> v == null ? List.of() : v);
	}

	/** Citations of a node or relationship, from its parallel {@code sourceIds} and {@code quotes} lists. */
	static List<Map<String, Object>> citations(DataFetchingEnvironment env) {
		Object source = env.getSource();
		List<?> ids = source instanceof Cited fact ? fact.sourceIds() : (List<?>) ((Map<?, ?>) source).get("sourceIds");
		List<?> quotes = source instanceof Cited fact ? fact.quotes() : (List<?>) ((Map<?, ?>) source).get("quotes");
		List<Map<String, Object>> citations = new ArrayList<>();
		if (ids == null) {
			return citations;
		}
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> citation = new HashMap<>();
			citation.put("sourceId", ids.get(i));
			citation.put("quote", quotes != null && i < quotes.size() ? quotes.get(i) : null);
			citations.add(citation);
		}
		return citations;
	}

	/** Opaque cursors: the offset of the row in its ordered result. */
	static final class Cursor {

		private static final String PREFIX = "offset:";

		private Cursor() {
		}

		static String encode(int offset) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
		}

		static int decode(String cursor) {
			try {
				String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				if (text.startsWith(PREFIX)) {
					int offset = Integer.parseInt(text.substring(PREFIX.length()));
					if (offset >= 0) {
						return offset;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			throw new BadRequestException("Invalid cursor '" + cursor + "': pass an endCursor from a previous page");
		}

	}

}
