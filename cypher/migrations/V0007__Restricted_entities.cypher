// ipgraph schema, version 7: entities restricted to editors keep their kind's label and get :Restricted.
CREATE INDEX restricted_id IF NOT EXISTS FOR (n:Restricted) ON (n.id);
