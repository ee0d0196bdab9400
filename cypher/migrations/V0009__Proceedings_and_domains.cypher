// ipgraph schema, version 9: office and board proceedings (oppositions, invalidations, cancellations, reviews) and
// domain names are kinds of their own, with unique ids, and the full-text search finds them too, and finds any
// entity by the words of its description (a company's earlier disputes, a mark's device).
CREATE CONSTRAINT proceeding_id IF NOT EXISTS FOR (n:Proceeding) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT domain_id IF NOT EXISTS FOR (n:Domain) REQUIRE n.id IS UNIQUE;
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
  FOR (n:Company|Person|Authority|Court|Jurisdiction|Office|Mark|Registration|Lawsuit|Proceeding|Seizure|Agreement|Product|EnforcementAction|Domain|Source)
  ON EACH [n.name, n.aliases, n.text, n.markText, n.number, n.caseNumber, n.title, n.goods, n.place, n.description];
