// ipgraph schema, version 10: watches, their alerts and the deliveries of alerts to webhooks, and the change journal
// (every :Change is written :Pending until the watches have been evaluated on it).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.key IS UNIQUE;
CREATE INDEX alert_watch IF NOT EXISTS FOR (n:Alert) ON (n.watchId, n.state);
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX delivery_state IF NOT EXISTS FOR (n:Delivery) ON (n.state);
CREATE INDEX delivery_alert IF NOT EXISTS FOR (n:Delivery) ON (n.alertId);
