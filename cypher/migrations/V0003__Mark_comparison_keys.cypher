// ipgraph schema, version 3: the stored comparison keys of registrations behind conflict search
// (normalized text, pinyin transliteration, phonetic key) and a full-text index for fuzzy spelling matches.
CREATE INDEX registration_mark_key IF NOT EXISTS FOR (n:Registration) ON (n.markKey);
CREATE INDEX registration_mark_pinyin IF NOT EXISTS FOR (n:Registration) ON (n.markPinyin);
CREATE INDEX registration_mark_phonetic IF NOT EXISTS FOR (n:Registration) ON (n.markPhonetic);
CREATE FULLTEXT INDEX registration_marks IF NOT EXISTS
  FOR (n:Registration) ON EACH [n.markPinyin, n.markKey, n.jurisdiction]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
