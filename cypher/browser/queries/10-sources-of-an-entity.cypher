// Provenance: every relationship of an entity with the sources and quotes that state it
:param entityId => 'company:beijing-sinnet';
MATCH (n {id: $entityId})-[r]-(other)
WHERE NOT other:Assertion
UNWIND range(0, size(r.sourceIds) - 1) AS i
MATCH (src:Source {id: r.sourceIds[i]})
RETURN type(r) AS relationship, other.id AS other, src.id AS source, src.title AS title, r.quotes[i] AS quote,
  src.retrievedOn AS retrievedOn
ORDER BY relationship, other, source
