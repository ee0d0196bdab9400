// The peer of ipgraph's benchmark: the Neo4j GraphQL Library (7.x) over a type definition of the same model, served
// by Apollo Server, on the same Neo4j. Usage: node server.mjs <bolt-url> <port> [--print-schema]
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { printSchema } from 'graphql';
import neo4j from 'neo4j-driver';

const [bolt, port, flag] = process.argv.slice(2);
if (!bolt || !port) {
  console.error('usage: node server.mjs <bolt-url> <port> [--print-schema]');
  process.exit(2);
}

// The part of ipgraph's model the workloads read (graphql/*.graphqls, cypher/schema.cypher), in the Library's terms.
const typeDefs = /* GraphQL */ `
  type Company @node @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchCompanies", fields: ["name"] }]) {
    id: ID!
    name: String
    aliases: [String!]
    country: String
    marksUsed: [Mark!]! @relationship(type: "USES_MARK", direction: OUT)
    registrations: [Registration!]! @relationship(type: "OWNS", direction: OUT)
    lawsuits: [Lawsuit!]! @relationship(type: "PARTY_TO", direction: OUT)
    subsidiaries: [Company!]! @relationship(type: "SUBSIDIARY_OF", direction: IN)
    partners: [Company!]! @relationship(type: "PARTNER_OF", direction: OUT)
  }
  type Mark @node {
    id: ID!
    text: String
    registrations: [Registration!]! @relationship(type: "OF_MARK", direction: IN)
  }
  type Registration @node {
    id: ID!
    office: String
    number: String
    jurisdiction: String
    markText: String
    classes: [Int!]
    filedOn: String
    registeredOn: String
    status: String
    owners: [Company!]! @relationship(type: "OWNS", direction: IN)
  }
  type Court @node {
    id: ID!
    name: String
  }
  type Lawsuit @node {
    id: ID!
    caseNumber: String
    title: String
    filedOn: String
    status: String
    court: [Court!]! @relationship(type: "HEARD_BY", direction: OUT)
  }
`;

const driver = neo4j.driver(bolt, neo4j.auth.basic(process.env.NEO4J_USERNAME || 'neo4j', process.env.NEO4J_PASSWORD || ''), { userAgent: 'ipgraph-bench-peer' });
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
if (flag === '--print-schema') {
  console.log(printSchema(schema));
  await driver.close();
  process.exit(0);
}
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(JSON.stringify({ ready: url }));
