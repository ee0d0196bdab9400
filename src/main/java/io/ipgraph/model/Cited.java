package io.ipgraph.model;

import java.util.List;

/**
 * A fact that names its sources: the ids of the sources that state it and, index for index, the words of each
 * (GraphQL answers them as {@code sources: [Citation!]!}, reports as footnotes).
 */
public interface Cited {

	List<String> sourceIds();

	List<String> quotes();

}
