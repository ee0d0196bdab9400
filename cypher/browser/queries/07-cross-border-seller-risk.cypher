// Cross-border seller risk: sellers in a place hit by platform actions (refunds) or seizures, the products, and the marks and jurisdictions involved
:param place => 'Shenzhen';
MATCH (seller:Company)
WHERE seller.name CONTAINS $place OR seller.description CONTAINS $place
OPTIONAL MATCH action = (:Company)-[:TOOK_ACTION]->(e:EnforcementAction)-[:AGAINST]->(seller)
OPTIONAL MATCH product = (e)-[:CONCERNS_PRODUCT]->(:Product)
OPTIONAL MATCH seizure = (seller)<-[:SOLD_BY]-(s:Seizure)-[:INFRINGED]->(:Mark)
OPTIONAL MATCH territory = (s)-[:IN_JURISDICTION]->(:Jurisdiction)
WITH seller, collect(DISTINCT action) AS actions, collect(DISTINCT product) AS products,
  collect(DISTINCT seizure) AS seizures, collect(DISTINCT territory) AS territories
WHERE size(actions) > 0 OR size(seizures) > 0
RETURN seller, actions, products, seizures, territories
