// Counterfeit enforcement: the authorities a platform (or its subsidiaries) has agreements with, and the seizures it assisted, by country
:param platformId => 'company:amazon';
MATCH (platform:Company {id: $platformId})
OPTIONAL MATCH agreement = (platform)<-[:SUBSIDIARY_OF*0..1]-(:Company)-[:PARTY_TO_AGREEMENT]->(:Agreement)<-[:PARTY_TO_AGREEMENT]-(:Authority)
OPTIONAL MATCH seizure = (platform)-[:ASSISTED]->(s:Seizure)<-[:CONDUCTED]-(:Authority)
OPTIONAL MATCH goods = (s)-[:SEIZED_GOODS]->(:Product)
RETURN platform, collect(DISTINCT agreement) AS agreements, collect(DISTINCT seizure) AS seizures, collect(DISTINCT goods) AS goods
