// Paths: the shortest ways two entities are connected, with the relationship type and the sources of each hop
:param fromId => 'company:actionsoft';
:param toId => 'company:nwcd';
MATCH (a {id: $fromId}), (b {id: $toId})
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE none(n IN nodes(p) WHERE n:Assertion OR n:Source)
RETURN p, [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, sources: r.sourceIds}] AS hops
