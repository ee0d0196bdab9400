// ipgraph schema, version 2: lookup indexes for filters and the full-text index behind `search`.
CREATE INDEX registration_jurisdiction IF NOT EXISTS FOR (n:Registration) ON (n.jurisdiction);
CREATE INDEX registration_number IF NOT EXISTS FOR (n:Registration) ON (n.number);
CREATE INDEX registration_filed_on IF NOT EXISTS FOR (n:Registration) ON (n.filedOn);
CREATE INDEX registration_mark_text IF NOT EXISTS FOR (n:Registration) ON (n.markText);
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX company_country IF NOT EXISTS FOR (n:Company) ON (n.country);
CREATE INDEX mark_text IF NOT EXISTS FOR (n:Mark) ON (n.text);
CREATE INDEX lawsuit_case_number IF NOT EXISTS FOR (n:Lawsuit) ON (n.caseNumber);
CREATE INDEX seizure_country IF NOT EXISTS FOR (n:Seizure) ON (n.country);
CREATE INDEX assertion_subject IF NOT EXISTS FOR (n:Assertion) ON (n.subjectId);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
  FOR (n:Company|Person|Authority|Court|Jurisdiction|Office|Mark|Registration|Lawsuit|Seizure|Agreement|Product|EnforcementAction|Source)
  ON EACH [n.name, n.aliases, n.text, n.markText, n.number, n.caseNumber, n.title, n.goods, n.place]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
