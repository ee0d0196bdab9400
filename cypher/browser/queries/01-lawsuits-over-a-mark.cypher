// The lawsuits over a mark in a jurisdiction: parties, court, the prior registration, rulings and appeals
:param markText => 'AWS';
:param jurisdiction => 'CN';
MATCH (m:Mark)<-[im:INVOLVES_MARK]-(l:Lawsuit {jurisdiction: $jurisdiction})
WHERE toUpper(m.text) = toUpper($markText) OR toUpper($markText) IN [a IN m.aliases | toUpper(a)]
MATCH hearing = (l)-[:HEARD_BY]->(:Court)
MATCH parties = (:Company|Person|Authority)-[:PARTY_TO]->(l)
OPTIONAL MATCH prior = (l)-[:INVOLVES_REGISTRATION]->(:Registration)<-[:OWNS]-(:Company|Person|Authority)
OPTIONAL MATCH appeal = (l)-[:HAS_RULING]->(:Ruling)<-[:APPEALS]-(:Appeal)-[:TO_COURT]->(:Court)
RETURN l, m, im, hearing, collect(DISTINCT parties) AS parties, collect(DISTINCT prior) AS prior,
  collect(DISTINCT appeal) AS appeals
