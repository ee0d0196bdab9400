// ipgraph schema, version 8: a text index on the pinyin key of registrations, so that conflict search finds an
// earlier mark that contains the whole of the one searched for (HONDA in HONDAKIT, 奔富 in 奔富酒园) by CONTAINS.
CREATE TEXT INDEX registration_mark_pinyin_text IF NOT EXISTS FOR (n:Registration) ON (n.markPinyin);
