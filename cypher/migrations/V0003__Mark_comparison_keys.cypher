// ipgraph schema, version 3: the stored comparison keys of registrations behind conflict search
// (normalized text, pinyin transliteration, phonetic key) and a full-text index over the one- and two-letter
// deletions of the pinyin key (spelling variants) and the classes (to prefer shared classes).
CREATE INDEX registration_mark_key IF NOT EXISTS FOR (n:Registration) ON (n.markKey);
CREATE INDEX registration_mark_pinyin IF NOT EXISTS FOR (n:Registration) ON (n.markPinyin);
CREATE INDEX registration_mark_phonetic IF NOT EXISTS FOR (n:Registration) ON (n.markPhonetic);
CREATE FULLTEXT INDEX registration_marks IF NOT EXISTS
  FOR (n:Registration) ON EACH [n.markDeletes, n.classTokens, n.jurisdiction]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
