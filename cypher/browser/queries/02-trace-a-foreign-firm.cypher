// Trace a foreign firm in a jurisdiction: subsidiaries, local partners and regions, marks used, prior registrations held by others, lawsuits
:param firmId => 'company:amazon';
:param jurisdiction => 'CN';
MATCH (firm:Company {id: $firmId})
OPTIONAL MATCH subsidiary = (:Company {country: $jurisdiction})-[:SUBSIDIARY_OF]->(firm)
OPTIONAL MATCH partner = (firm)-[:PARTNER_OF]->(:Company)
OPTIONAL MATCH used = (firm)-[u:USES_MARK {jurisdiction: $jurisdiction}]->(m:Mark)
OPTIONAL MATCH prior = (m)<-[:OF_MARK]-(reg:Registration {jurisdiction: $jurisdiction})<-[:OWNS]-(holder:Company|Person|Authority)
WHERE holder <> firm AND NOT (holder)-[:SUBSIDIARY_OF]->(firm)
OPTIONAL MATCH lawsuit = (reg)<-[:INVOLVES_REGISTRATION]-(:Lawsuit)-[:HEARD_BY]->(:Court)
RETURN firm, collect(DISTINCT subsidiary) AS subsidiaries, collect(DISTINCT partner) AS partners,
  collect(DISTINCT used) AS marksUsed, collect(DISTINCT prior) AS priorRegistrations, collect(DISTINCT lawsuit) AS lawsuits
