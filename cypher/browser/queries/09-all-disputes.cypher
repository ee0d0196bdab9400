// Every contradiction in the graph: the entities whose facts sources disagree on, with the number of claims
MATCH (claim:Assertion)-[:ABOUT]->(subject)
RETURN subject.id AS subject, claim.property AS property, count(claim) AS claims, collect(claim.value) AS values
ORDER BY subject, property
