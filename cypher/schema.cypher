// ipgraph graph model, as Cypher. The constraints and indexes are applied by the migrations in
// cypher/migrations (this file is the readable summary; a test checks it against the database).
//
// Provenance: every node and every relationship has two parallel list properties,
//   sourceIds: ['src:article-000', ...]  ids of (:Source) nodes
//   quotes:    ['Beijing ActionSoft sued Amazon ...', ...]  the words (or locator) in that source
// Facts on which sources disagree are kept as (:Assertion) nodes, one per claimed value, each with its sources:
//   (:Assertion {subjectId, property, value, numericValue, note, sourceIds, quotes})-[:ABOUT]->(subject)
//
// Ids are ipgraph's own (kind:slug, <office>:<number> for registrations, ISO codes for jurisdictions),
// never Neo4j's element id. Dates are ISO strings and may be partial: '2004', '2018-07', '2008-02-07'.

// ---- Nodes (label: key properties) ----
// Source            id, title, publisher, url, kind, file, language, publishedOn, retrievedOn, note
// Company           id, name, aliases[], country, identifiers[], kind, foundedOn, description, website, city, address
// Person            id, name, aliases[], nationality, country, place, address, description
// Authority         id, name, aliases[], kind (customs|police|regulator|administration), country
// Court             id, name, aliases[], level, country, city
// Jurisdiction      id (ISO 3166-1 alpha-2), name, aliases[]
// Office            id (e.g. CTMO), name, aliases[], country
// Mark              id, text, aliases[], kind (word|logo|combined), description
// Registration      id (<office>:<number>, or <office>:unnumbered:<key> with numberKnown false), office, number,
//                   numberKnown, jurisdiction, markText, classes[] (Nice 1-45),
//                   goodsAndServices, status, statusCode, statusDescription, statusDate, applicationNumber, registrationNumber,
//                   filedOn, registeredOn, expiresOn,
//                   markKey, markPinyin, markPhonetic, markDeletes[], classTokens (comparison keys derived from
//                   markText and classes, for conflict search)
// RegistryEvent     id, date, code, description (a registry's own history of a registration)
// Lawsuit           id, caseNumber, title, claims[], filedOn, status, jurisdiction, claimedAmount, claimedCurrency,
//                   claimedAsGiven
// Proceeding        id, kind (opposition|invalidation|cancellation-non-use|cancellation|review|appeal-to-board),
//                   caseNumber, title, grounds[], filedOn, decidedOn, status, outcome, jurisdiction
// Ruling            id, instance, date, outcome, damagesAmount, damagesCurrency (ISO 4217), costsAmount,
//                   costsCurrency, injunction
// Appeal            id, filedOn, status, courtAsGiven, heardOn
// Seizure           id, date, dateAsGiven, place, country, goods, itemCount, itemCountQualifier, valueAmount,
//                   valueCurrency, valueQualifier, description
// Agreement         id, title, kind (cooperation|licence|assignment|settlement|mediation|coexistence), signedOn,
//                   dateAsGiven, scope, amount, currency, amountAsGiven
// Domain            id (domain:<name>), name, aliases[], registeredOn, status, description
// Product           id, name, aliases[], category
// EnforcementAction id, kind, description, date, place, country, amount, currency, amountQualifier
// Assertion         id, subjectId, property, value, numericValue, note
// Judgement         id, decision (MERGE|SPLIT|EQUIVALENT), basis (EQUIVALENT), status (ACCEPTED|UNDONE), entityIds[], by, at, reason,
//                   removedLinks[] (split), undoneBy, undoneAt, undoReason: an analyst's entity-resolution decision
// Change            id, at, by, action (update|retract|restore|merge|split|undo|import), entityId, label, reason,
//                   before, after (JSON), version, details (JSON): the append-only audit trail; touched[] (Label:id)
//                   and links[] (FromLabel:from|TYPE|ToLabel:to) name what it wrote, and the extra label Pending marks
//                   it until the watches have been evaluated on it (the change journal)
// Watch             id, kind (mark|entity|squatting), name, owner, ownerSeesRestricted, shared, text, classes[],
//                   territories[], date, ownerIds[], entityId, entityLabel, hops, firmId, deadlineDays, webhookUrl,
//                   secret, known[] (the matches it started from), createdAt, updatedAt
// Alert             id, key (watch, subject and the subject's content), watchId, kind (conflict|link|squatting|
//                   deadline), state (new|confirmed|dismissed), subjectId, title, score, reasons (JSON), path[],
//                   changeId, at, stateReason, stateBy, stateAt (it names its entities by id)
// Delivery          id, alertId, watchId, state (pending|delivered|failed), attempts, nextAt, lastError, deliveredAt
// Retracted         an entity taken off every read path: its kind's label removed, retractedLabel, retractedAt,
//                   retractedBy, retractedReason kept with its properties and relationships until restored
// Restricted        an extra label on an entity that only editors and admins may see: restrictedBy, restrictedAt,
//                   restrictedReason
// (every date)      YYYY, YYYY-MM, YYYY-MM-DD, or a bound: ..YYYY (on or before), YYYY.. (on or after), YYYY..YYYY
// (every entity)    version: its edit version (optimistic locking), absent before the first edit
// Company, Person, Authority, Court and Office also store nameKeys[] (folded keys of name and aliases, for
// entity resolution)

// ---- Relationships (pattern {properties besides sourceIds/quotes}) ----
// (:Company)-[:SUBSIDIARY_OF]->(:Company)
// (:Company)-[:PARTNER_OF {region, scope, since, until}]->(:Company)
// (:Company|Person)-[:USES_MARK {jurisdiction, since}]->(:Mark)   a person: the name, number or sign that is theirs
// (:Company|Person|Authority)-[:OWNS {from, to, role}]->(:Registration)   applicant, registrant, assignee ...
// (:Company|Person|Authority)-[:LICENSEE_OF {kind, from, to}]->(:Registration)
// (:Company|Person|Authority)-[:REPRESENTS {role, matter, from, to}]->(:Company|Person|Authority)   agent, attorney
// (:Company|Person|Authority)-[:HOLDS_DOMAIN {from, to}]->(:Domain)
// (:Domain)-[:USES_MARK_IN_DOMAIN]->(:Mark)
// (:Mark)-[:EQUIVALENT_OF {basis, language}]->(:Mark)   a sourced cross-script equivalent: transliteration, translation
// (:Registration)-[:HAS_EVENT]->(:RegistryEvent)
// (:Registration)-[:OF_MARK]->(:Mark)
// (:Registration)-[:REGISTERED_AT]->(:Office)
// (:Office)-[:FOR_JURISDICTION]->(:Jurisdiction)
// (:Court)-[:IN_JURISDICTION]->(:Jurisdiction)
// (:Seizure)-[:IN_JURISDICTION]->(:Jurisdiction)
// (:Company|Person|Authority|Office)-[:PARTY_TO {role, nameAsGiven}]->(:Lawsuit|Proceeding)   an office: a suit's respondent
// (:Proceeding)-[:BEFORE]->(:Office)                   the office or board deciding an opposition, invalidation ...
// (:Proceeding)-[:CONCERNS_REGISTRATION]->(:Registration)
// (:Proceeding)-[:CHALLENGES]->(:Proceeding)            a board review of an office decision
// (:Lawsuit)-[:CHALLENGES]->(:Proceeding)               a court case against an office or board decision
// (:Agreement)-[:SETTLES]->(:Lawsuit)                   a settlement or mediation ending a lawsuit
// (:Agreement)-[:COVERS]->(:Registration)
// (:Lawsuit)-[:HEARD_BY]->(:Court)
// (:Lawsuit)-[:INVOLVES_REGISTRATION]->(:Registration)
// (:Lawsuit)-[:INVOLVES_MARK]->(:Mark)
// (:Lawsuit)-[:HAS_RULING]->(:Ruling)
// (:Ruling)-[:ISSUED_BY]->(:Court)
// (:Appeal)-[:APPEALS]->(:Ruling)
// (:Ruling)-[:REVIEWS {effect}]->(:Ruling)           a later ruling on an earlier one: upheld, varied, set-aside, remanded
// (:Company|Person|Authority)-[:FILED_APPEAL]->(:Appeal)
// (:Appeal)-[:DECIDED_BY]->(:Ruling)                   the ruling an appeal produced
// (:Appeal)-[:TO_COURT]->(:Court)
// (:Authority)-[:CONDUCTED]->(:Seizure)
// (:Company)-[:ASSISTED]->(:Seizure)
// (:Seizure)-[:SEIZED_GOODS]->(:Product)
// (:Seizure)-[:INFRINGED]->(:Mark)
// (:Seizure)-[:SOLD_BY]->(:Company)
// (:Company|Person|Authority)-[:PARTY_TO_AGREEMENT {role}]->(:Agreement)
// (:Person)-[:WORKS_FOR {title, since}]->(:Company|Authority)
// (:Company)-[:TOOK_ACTION]->(:EnforcementAction)
// (:EnforcementAction)-[:AGAINST]->(:Company)
// (:EnforcementAction)-[:CONCERNS_PRODUCT]->(:Product)
// (:Assertion)-[:ABOUT]->(any entity)
// (:Company|Person|Authority|Court|Office)-[:SAME_AS {judgementId}]->(:Company|Person|Authority|Court|Office)
//     an accepted merge judgement: the two are one entity (sourceIds: the judgement's id)
// (:Judgement)-[:CONCERNS]->(:Company|Person|Authority|Court|Office|Mark)   (Mark: an EQUIVALENT judgement)

// ---- Constraints: one uniqueness constraint on id per label ----
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT authority_id IF NOT EXISTS FOR (n:Authority) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT court_id IF NOT EXISTS FOR (n:Court) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT office_id IF NOT EXISTS FOR (n:Office) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mark_id IF NOT EXISTS FOR (n:Mark) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT registration_id IF NOT EXISTS FOR (n:Registration) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lawsuit_id IF NOT EXISTS FOR (n:Lawsuit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ruling_id IF NOT EXISTS FOR (n:Ruling) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT appeal_id IF NOT EXISTS FOR (n:Appeal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT seizure_id IF NOT EXISTS FOR (n:Seizure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proceeding_id IF NOT EXISTS FOR (n:Proceeding) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT domain_id IF NOT EXISTS FOR (n:Domain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enforcement_action_id IF NOT EXISTS FOR (n:EnforcementAction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assertion_id IF NOT EXISTS FOR (n:Assertion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT registry_event_id IF NOT EXISTS FOR (n:RegistryEvent) REQUIRE n.id IS UNIQUE;
// The audit trail: one (:Change) per mutation or import batch, append-only; retracted entities keep their id.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT retracted_id IF NOT EXISTS FOR (n:Retracted) REQUIRE n.id IS UNIQUE;
// Watches and what they found: (:Watch), (:Alert)-[:ON]->(the entity it is about), (:Delivery) of an alert to the
// watch's webhook. Every (:Change) is also :Pending until the watches have been evaluated on it (the change journal).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
// ipgraph's bookkeeping of applied migrations (created by the migration runner itself)
CREATE CONSTRAINT ipgraph_migration_version IF NOT EXISTS FOR (n:IpgraphMigration) REQUIRE n.version IS UNIQUE;

// ---- Indexes ----
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
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX restricted_id IF NOT EXISTS FOR (n:Restricted) ON (n.id);
CREATE INDEX alert_watch IF NOT EXISTS FOR (n:Alert) ON (n.watchId, n.state);
CREATE INDEX delivery_state IF NOT EXISTS FOR (n:Delivery) ON (n.state);
CREATE INDEX delivery_alert IF NOT EXISTS FOR (n:Delivery) ON (n.alertId);
// Stored comparison keys behind conflict search (set on every registration from its markText).
CREATE INDEX registration_mark_key IF NOT EXISTS FOR (n:Registration) ON (n.markKey);
CREATE INDEX registration_mark_pinyin IF NOT EXISTS FOR (n:Registration) ON (n.markPinyin);
CREATE TEXT INDEX registration_mark_pinyin_text IF NOT EXISTS FOR (n:Registration) ON (n.markPinyin);
CREATE INDEX registration_mark_phonetic IF NOT EXISTS FOR (n:Registration) ON (n.markPhonetic);
CREATE FULLTEXT INDEX registration_marks IF NOT EXISTS FOR (n:Registration) ON EACH [n.markDeletes, n.classTokens, n.jurisdiction];
// Full-text index behind GraphQL `search`: names and aliases in any script, mark texts, numbers, titles.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
  FOR (n:Company|Person|Authority|Court|Jurisdiction|Office|Mark|Registration|Lawsuit|Proceeding|Seizure|Agreement|Product|EnforcementAction|Domain|Source)
  ON EACH [n.name, n.aliases, n.text, n.markText, n.number, n.caseNumber, n.title, n.goods, n.place, n.description];
// Folded name keys behind entity resolution (whitespace analyzer: one term per key).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Company|Person|Authority|Court|Office) ON EACH [n.nameKeys];
