// ipgraph schema, version 5: the registry's own history of a registration, (:Registration)-[:HAS_EVENT]->(:RegistryEvent).
CREATE CONSTRAINT registry_event_id IF NOT EXISTS FOR (n:RegistryEvent) REQUIRE n.id IS UNIQUE;
