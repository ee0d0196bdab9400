// ipgraph schema, version 4: entity resolution. Every named node stores the folded keys of its name and aliases
// (nameKeys: n_<normalized>, c_<core>, see NameKeys); a full-text index with the whitespace analyzer makes each
// key one term, so exact and fuzzy (up to two edits) lookups are index seeks. Analysts' merge and split
// decisions are (:Judgement) nodes.
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Company|Person|Authority|Court|Office) ON EACH [n.nameKeys]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } };
