/** Connection to Neo4j (embedded or external), schema migrations, the seed loader and the query gateway. */
package io.ipgraph.store;
