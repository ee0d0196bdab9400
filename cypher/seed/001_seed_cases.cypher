// ipgraph seed cases: the AWS trademark case in China, Amazon's partners and subsidiaries, Amazon's cooperation
// with customs, police and regulators against counterfeits, and the Shenzhen balance-car refunds.
// Sources: the four articles in shared/sources/ (src:article-000 .. src:article-003) and the public-record facts
// listed in the brief (src:brief-public-record, which says it comes from outside the articles).
// Every node and relationship cites its sources: sourceIds (Source ids) and quotes (the same length: the words of
// each source that state the fact). Source nodes cite nothing.
// Where sources disagree, each claimed value is an (:Assertion)-[:ABOUT]->(subject) with its own sources.
// Idempotent: nodes are MERGEd on id and relationships between matched nodes, then SET +=, so loading the file
// again creates nothing. Statements end with a semicolon at the end of a line; no other line does.

// ---- Sources ----
MERGE (n:Source {id: 'src:article-000'})
SET n += {
  title: 'Chinese Court Rules That Amazon Violated Copyright',
  publisher: null,
  url: null,
  kind: 'news-article',
  file: 'sources/000_1dc2a3c683d53092.txt',
  language: 'en',
  publishedOn: null,
  retrievedOn: '2026-11-22',
  note: 'News commentary on the Beijing AWS trademark ruling; publisher and date not given in the copy. Headline says copyright, the text describes a trademark case.',
  sourceIds: [],
  quotes: []
};
MERGE (n:Source {id: 'src:article-001'})
SET n += {
  title: "Beijing court rules Amazon's AWS cloud brand infringes a trademark (untitled report)",
  publisher: null,
  url: null,
  kind: 'news-article',
  file: 'sources/001_4e18e0177e0f7296.txt',
  language: 'en',
  publishedOn: null,
  retrievedOn: '2026-11-22',
  note: 'Untitled news report (title supplied by ipgraph); publisher and date not given in the copy.',
  sourceIds: [],
  quotes: []
};
MERGE (n:Source {id: 'src:article-002'})
SET n += {
  title: "Amazon joins hands with another country's customs to step up efforts to combat counterfeit goods",
  publisher: null,
  url: null,
  kind: 'news-article',
  file: 'sources/002_d68014cfdb1ff0ca.txt',
  language: 'en',
  publishedOn: null,
  retrievedOn: '2026-11-22',
  note: 'Cross-border e-commerce news item; publisher and date not given in the copy; gives no year for the agreement or the seizures.',
  sourceIds: [],
  quotes: []
};
MERGE (n:Source {id: 'src:article-003'})
SET n += {
  title: 'Sharing intellectual property rights that cross-border e-commerce must understand (cross-border e-commerce and intellectual property rights)',
  publisher: null,
  url: null,
  kind: 'news-article',
  file: 'sources/003_c364708a223c87a9.txt',
  language: 'en',
  publishedOn: null,
  retrievedOn: '2026-11-22',
  note: 'Advice article for cross-border sellers; publisher and date not given in the copy.',
  sourceIds: [],
  quotes: []
};
MERGE (n:Source {id: 'src:brief-public-record'})
SET n += {
  title: 'Public court and registry facts listed in the ipgraph brief',
  publisher: null,
  url: null,
  kind: 'public-record',
  file: null,
  language: 'en',
  publishedOn: null,
  retrievedOn: '2026-11-22',
  note: 'From outside the seed articles: case number, Chinese names, class of No. 4249189, award breakdown, NWCD',
  sourceIds: [],
  quotes: []
};

// ---- Jurisdictions and trademark office ----
MERGE (n:Jurisdiction {id: 'CN'})
SET n += {
  name: 'China',
  aliases: [],
  sourceIds: ['src:article-001'],
  quotes: ['The court ordered Amazon to stop using “AWS” or any similar trademark in China']
};
MERGE (n:Jurisdiction {id: 'US'})
SET n += {
  name: 'United States',
  aliases: [],
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['U.S. e-commerce giant Amazon.com Inc.’s (AMZN) cloud service', 'Amazon, an American company']
};
MERGE (n:Jurisdiction {id: 'JP'})
SET n += {
  name: 'Japan',
  aliases: [],
  sourceIds: ['src:article-002'],
  quotes: ['to prevent goods that infringe intellectual property rights from entering the Japanese market']
};
MERGE (n:Jurisdiction {id: 'GB'})
SET n += {
  name: 'United Kingdom',
  aliases: [],
  sourceIds: ['src:article-002'],
  quotes: ['it cooperated with the London City Police to seize more than 32,000 counterfeit CDs in Wirral']
};
MERGE (n:Jurisdiction {id: 'BR'})
SET n += {
  name: 'Brazil',
  aliases: [],
  sourceIds: ['src:article-002'],
  quotes: ['Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse']
};
MERGE (n:Office {id: 'CTMO'})
SET n += {
  name: 'Trademark Office of the State Administration for Industry and Commerce',
  aliases: ['State Administration for Industry and Commerce', 'SAIC'],
  country: 'CN',
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['was given approval by the Chinese State Administration for Industry and Commerce to use the logo in February, 2008', 'received authorization from the State Administration for Industry and Commerce of China on February 7, 2008']
};
MATCH (a:Office {id: 'CTMO'})
MATCH (b:Jurisdiction {id: 'CN'})
MERGE (a)-[r:FOR_JURISDICTION]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['the State Administration for Industry and Commerce of China', 'the Chinese State Administration for Industry and Commerce']
};

// ---- Companies ----
MERGE (n:Company {id: 'company:amazon'})
SET n += {
  name: 'Amazon.com, Inc.',
  aliases: ['Amazon', 'Amazon.com Inc.'],
  country: 'US',
  identifiers: ['ticker:AMZN'],
  kind: 'e-commerce platform',
  description: 'U.S. e-commerce company that runs the AWS cloud computing brand (used in more than 190 countries; cloud computing since 2006). Its cloud services entered China in 2014 with local partners; it shut down its China e-commerce business in late 2019. Defendant and appellant in the Beijing AWS trademark case; cooperates with customs, police and regulators against counterfeits (more than $900 million invested against counterfeiting as of 2021).',
  sourceIds: ['src:article-001', 'src:article-000', 'src:article-001', 'src:article-001', 'src:article-002'],
  quotes: ['U.S. e-commerce giant Amazon.com Inc.’s (AMZN) cloud service', 'Amazon, an American company', 'Amazon began developing cloud computing in 2006 and has used “AWS” as its cloud computing brand in more than 190 countries worldwide', 'In late 2019, Amazon officially shut down its e-commerce business in China', 'as of 2021, Amazon has invested more than $900 million in combating counterfeiting']
};
MERGE (n:Company {id: 'company:amazon-connect-tech'})
SET n += {
  name: 'Amazon Connect Technology Services',
  aliases: [],
  country: 'CN',
  identifiers: [],
  kind: 'subsidiary',
  description: 'Subsidiary of Amazon in China; ruled to have infringed the AWS trademark of ActionSoft (article 000).',
  sourceIds: ['src:article-000'],
  quotes: ['Amazon Connect Technology Services, a subsidiary of Amazon in China, was ruled to have infringed the trademark of ActionSoft Science and Technology Development Company']
};
MERGE (n:Company {id: 'company:amazon-japan'})
SET n += {
  name: 'Amazon Japan',
  aliases: [],
  country: 'JP',
  identifiers: [],
  kind: 'e-commerce platform',
  description: "Amazon's Japanese company; signed a cooperation agreement against counterfeits with Japan Customs.",
  sourceIds: ['src:article-002', 'src:article-002'],
  quotes: ['Amazon officially announced that its Japanese company has formally signed a cooperation agreement with Japan Customs', 'Jasper Chan, president of Amazon Japan']
};
MERGE (n:Company {id: 'company:actionsoft'})
SET n += {
  name: 'Beijing ActionSoft Science & Technology Development Co.',
  aliases: ['ActionSoft', 'Beijing ActionSoft', 'ActionSoft Science and Technology Development Company', '北京炎黄盈动科技发展有限责任公司', 'Beijing Yanhuang Yingxing Technology Development Co.', 'Yanhuang Yingxing'],
  country: 'CN',
  identifiers: [],
  kind: 'software company',
  foundedOn: '2003',
  description: 'Chinese software and data services company founded in 2003; holder of the Chinese AWS registration No. 4249189 (applied 2004, registered 2008-02-07) and plaintiff in the AWS case against Amazon. "Beijing Yanhuang Yingxing" (article 001) is a transliteration of its Chinese name.',
  sourceIds: ['src:article-000', 'src:article-001', 'src:article-001', 'src:brief-public-record', 'src:brief-public-record'],
  quotes: ['The Chinese ActionSoft company was founded in 2003 and provides clients with software services', 'Beijing ActionSoft Science & Technology Development Co., a Chinese software and data services company', 'requiring the plaintiff, Beijing Yanhuang Yingxing Technology Development Co.', "the plaintiff's Chinese name is 北京炎黄盈动科技发展有限责任公司", 'as "Beijing Yanhuang Yingxing" in another, a transliteration of its Chinese name']
};
MERGE (n:Company {id: 'company:beijing-sinnet'})
SET n += {
  name: 'Beijing Sinnet Technology Co.',
  aliases: ['光环新网', 'Huanghuanxin.com', 'Sinnet'],
  country: 'CN',
  identifiers: [],
  kind: 'cloud services partner',
  description: "Amazon's local Chinese partner for its cloud services (Huanghuanxin.com in article 001); co-defendant in the AWS case. Which regions it serves is disputed (see regionsServed).",
  sourceIds: ['src:article-000', 'src:article-001', 'src:brief-public-record'],
  quotes: ['local Chinese partner company Beijing Sinnet Technology Co.', 'Amazon chose to cooperate with Huanghuanxin.com to provide services in two regions, Beijing and Ningxia', 'the local partner Beijing Sinnet Technology is 光环新网 (the "Huanghuanxin.com" of one article)']
};
MERGE (n:Company {id: 'company:nwcd'})
SET n += {
  name: 'Ningxia Western Cloud Data',
  aliases: ['NWCD'],
  country: 'CN',
  identifiers: [],
  kind: 'cloud services partner',
  description: 'Runs the Ningxia region of the AWS cloud services in China; was not a party to the AWS lawsuit (brief, public record).',
  sourceIds: ['src:brief-public-record'],
  quotes: ['Ningxia Western Cloud Data (NWCD) runs the Ningxia region and was not a party']
};
MERGE (n:Company {id: 'company:shenzhen-balance-car-suppliers'})
SET n += {
  name: 'Balance-car suppliers in Shenzhen (unnamed)',
  aliases: [],
  country: 'CN',
  identifiers: [],
  kind: 'seller group',
  description: 'Small cross-border export sellers of balance cars, mostly in Shenzhen; one supplier was refunded by Amazon for nearly 600,000 yuan overnight, and companies centred on balance cars closed down when the business was wiped out (article 003).',
  sourceIds: ['src:article-003', 'src:article-003'],
  quotes: ['In the case of a typical balance car before, the supplier was strongly refunded by Amazon for nearly 600,000 yuan overnight. Most of the enterprises involved are concentrated in Shenzhen', 'the companies with the central industry as the balance car have closed down because the balance car business was wiped out']
};

// ---- Subsidiaries and partners ----
MATCH (a:Company {id: 'company:amazon-connect-tech'})
MATCH (b:Company {id: 'company:amazon'})
MERGE (a)-[r:SUBSIDIARY_OF]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['Amazon Connect Technology Services, a subsidiary of Amazon in China']
};
MATCH (a:Company {id: 'company:amazon-japan'})
MATCH (b:Company {id: 'company:amazon'})
MERGE (a)-[r:SUBSIDIARY_OF]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['Amazon officially announced that its Japanese company has formally signed a cooperation agreement']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Company {id: 'company:beijing-sinnet'})
MERGE (a)-[r:PARTNER_OF]->(b)
SET r += {
  region: 'Beijing',
  scope: 'cloud computing services (AWS) in China, to comply with the regulatory requirements',
  since: '2014',
  sourceIds: ['src:article-001', 'src:article-000', 'src:brief-public-record'],
  quotes: ['But Amazon’s cloud computing services entered the Chinese market in 2014, and in order to comply with the relevant regulatory requirements, Amazon chose to cooperate with Huanghuanxin.com to provide services in two regions, Beijing and Ningxia', 'Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co.', 'the local partner Beijing Sinnet Technology is 光环新网']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Company {id: 'company:nwcd'})
MERGE (a)-[r:PARTNER_OF]->(b)
SET r += {
  region: 'Ningxia',
  scope: 'cloud computing services (AWS) in China',
  sourceIds: ['src:brief-public-record'],
  quotes: ['Ningxia Western Cloud Data (NWCD) runs the Ningxia region']
};

// ---- Disputed: which regions Beijing Sinnet serves ----
MERGE (n:Assertion {id: 'assertion:beijing-sinnet:regionsServed:1'})
SET n += {
  subjectId: 'company:beijing-sinnet',
  property: 'regionsServed',
  value: 'Beijing and Ningxia',
  note: 'Article 001 names Huanghuanxin.com (Beijing Sinnet, 光环新网) as the partner for both regions.',
  sourceIds: ['src:article-001'],
  quotes: ['Amazon chose to cooperate with Huanghuanxin.com to provide services in two regions, Beijing and Ningxia']
};
MATCH (a:Assertion {id: 'assertion:beijing-sinnet:regionsServed:1'})
MATCH (b:Company {id: 'company:beijing-sinnet'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-001'],
  quotes: ['Amazon chose to cooperate with Huanghuanxin.com to provide services in two regions, Beijing and Ningxia']
};
MERGE (n:Assertion {id: 'assertion:beijing-sinnet:regionsServed:2'})
SET n += {
  subjectId: 'company:beijing-sinnet',
  property: 'regionsServed',
  value: 'Beijing (Ningxia is run by NWCD)',
  note: 'The public record gives the Ningxia region to Ningxia Western Cloud Data, not to Sinnet.',
  sourceIds: ['src:brief-public-record'],
  quotes: ['Ningxia Western Cloud Data (NWCD) runs the Ningxia region']
};
MATCH (a:Assertion {id: 'assertion:beijing-sinnet:regionsServed:2'})
MATCH (b:Company {id: 'company:beijing-sinnet'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:brief-public-record'],
  quotes: ['Ningxia Western Cloud Data (NWCD) runs the Ningxia region']
};

// ---- Disputed: when Amazon entered China ----
MERGE (n:Assertion {id: 'assertion:amazon:chinaMarketEntry:1'})
SET n += {
  subjectId: 'company:amazon',
  property: 'chinaMarketEntry',
  value: '2004',
  note: 'Article 000 says Amazon in general; it may refer to a different business than the cloud services of article 001.',
  sourceIds: ['src:article-000'],
  quotes: ['Amazon first entered Chinese markets in 2004, a year after ActionSoft was founded']
};
MATCH (a:Assertion {id: 'assertion:amazon:chinaMarketEntry:1'})
MATCH (b:Company {id: 'company:amazon'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['Amazon first entered Chinese markets in 2004, a year after ActionSoft was founded']
};
MERGE (n:Assertion {id: 'assertion:amazon:chinaMarketEntry:2'})
SET n += {
  subjectId: 'company:amazon',
  property: 'chinaMarketEntry',
  value: '2014',
  note: 'Article 001 says the cloud computing services; the two dates may refer to different businesses.',
  sourceIds: ['src:article-001'],
  quotes: ['But Amazon’s cloud computing services entered the Chinese market in 2014']
};
MATCH (a:Assertion {id: 'assertion:amazon:chinaMarketEntry:2'})
MATCH (b:Company {id: 'company:amazon'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-001'],
  quotes: ['But Amazon’s cloud computing services entered the Chinese market in 2014']
};

// ---- Mark AWS and the prior Chinese registration No. 4249189 ----
MERGE (n:Mark {id: 'mark:aws'})
SET n += {
  text: 'AWS',
  aliases: ['Amazon Web Services'],
  kind: 'word',
  description: 'AWS, the acronym of Amazon Web Service(s), the cloud computing brand of Amazon; also registered in China by ActionSoft (No. 4249189).',
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['“AWS” in English is an acronym for “Amazon Web Service,” a cloud computing service operated by Amazon', 'the Amazon Web Services (AWS) logo']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Mark {id: 'mark:aws'})
MERGE (a)-[r:USES_MARK]->(b)
SET r += {
  jurisdiction: 'CN',
  since: '2014',
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['has used “AWS” as its cloud computing brand in more than 190 countries worldwide. But Amazon’s cloud computing services entered the Chinese market in 2014', 'Amazon was the first to use the AWS logo in China to sell cloud services by many years']
};
MATCH (a:Company {id: 'company:amazon-connect-tech'})
MATCH (b:Mark {id: 'mark:aws'})
MERGE (a)-[r:USES_MARK]->(b)
SET r += {
  jurisdiction: 'CN',
  sourceIds: ['src:article-000'],
  quotes: ['Amazon Connect Technology Services, a subsidiary of Amazon in China, was ruled to have infringed the trademark of ActionSoft Science and Technology Development Company in a Chinese court recently. The decision means that Amazon can no longer use the Amazon Web Services (AWS) logo in China']
};
MERGE (n:Registration {id: 'CTMO:4249189'})
SET n += {
  office: 'CTMO',
  number: '4249189',
  jurisdiction: 'CN',
  markText: 'AWS',
  classes: [42],
  status: 'registered',
  filedOn: '2004',
  registeredOn: '2008-02-07',
  sourceIds: ['src:article-001', 'src:article-000', 'src:brief-public-record'],
  quotes: ['they applied for a trademark registration for “AWS” in 2004 and received authorization from the State Administration for Industry and Commerce of China on February 7, 2008', 'they first applied to use the AWS logo in 2004 and was given approval by the Chinese State Administration for Industry and Commerce to use the logo in February, 2008', 'registration No. 4249189 is in class 42']
};
MATCH (a:Registration {id: 'CTMO:4249189'})
MATCH (b:Mark {id: 'mark:aws'})
MERGE (a)-[r:OF_MARK]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:brief-public-record'],
  quotes: ['they applied for a trademark registration for “AWS” in 2004', 'registration No. 4249189 is in class 42']
};
MATCH (a:Registration {id: 'CTMO:4249189'})
MATCH (b:Office {id: 'CTMO'})
MERGE (a)-[r:REGISTERED_AT]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['received authorization from the State Administration for Industry and Commerce of China on February 7, 2008', 'was given approval by the Chinese State Administration for Industry and Commerce to use the logo in February, 2008']
};
MATCH (a:Company {id: 'company:actionsoft'})
MATCH (b:Registration {id: 'CTMO:4249189'})
MERGE (a)-[r:OWNS]->(b)
SET r += {
  from: '2008-02-07',
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['The company claims that they applied for a trademark registration for “AWS” in 2004 and received authorization from the State Administration for Industry and Commerce of China on February 7, 2008', 'The company claimed in a public statement that they first applied to use the AWS logo in 2004']
};

// ---- Courts ----
MERGE (n:Court {id: 'court:beijing-high-peoples-court'})
SET n += {
  name: "Beijing High People's Court",
  aliases: ['Beijing High People’s Court'],
  level: 'high',
  country: 'CN',
  city: 'Beijing',
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['According to the Beijing High People’s Court', 'the Beijing court said that Amazon must pay 76.5 million yuan']
};
MATCH (a:Court {id: 'court:beijing-high-peoples-court'})
MATCH (b:Jurisdiction {id: 'CN'})
MERGE (a)-[r:IN_JURISDICTION]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['was ruled to have infringed the trademark of ActionSoft Science and Technology Development Company in a Chinese court recently']
};
MERGE (n:Court {id: 'court:supreme-peoples-court'})
SET n += {
  name: "Supreme People's Court",
  aliases: ['Supreme Court'],
  level: 'supreme',
  country: 'CN',
  sourceIds: ['src:article-000'],
  quotes: ['have appealed the case to the Supreme Court']
};
MATCH (a:Court {id: 'court:supreme-peoples-court'})
MATCH (b:Jurisdiction {id: 'CN'})
MERGE (a)-[r:IN_JURISDICTION]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['have appealed the case to the Supreme Court']
};

// ---- Lawsuit: Beijing ActionSoft v. Amazon and Beijing Sinnet (AWS) ----
MERGE (n:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
SET n += {
  caseNumber: '(2018) Jing Min Chu No. 127',
  title: 'Beijing ActionSoft v. Amazon and Beijing Sinnet (AWS trademark)',
  claims: ['Trademark infringement: the AWS logo used by Amazon infringes the registered AWS trademark', 'The logos are very similar and the services are similar in content, purpose of service and clients', 'Similar logos with similar services would likely confuse customers', 'Illegal use of the “AWS” trademark'],
  filedOn: '2018-07',
  status: 'on-appeal',
  jurisdiction: 'CN',
  sourceIds: ['src:article-001', 'src:article-000', 'src:article-000', 'src:brief-public-record'],
  quotes: ['In July 2018, Beijing ActionSoft Science & Technology Development Co., a Chinese software and data services company, sued Amazon and its partner –Ltd. for illegally using the “AWS” trademark', 'ActionSoft claimed that Amazon’s use of its AWS logo infringed on their trademark because it appeared very similar, and their services also were similar in terms of content, purpose of service, and clients', 'The company argued that having similar logos while also offering similar services would likely confuse customers', 'the Beijing case number is (2018) Jing Min Chu No. 127']
};
MATCH (a:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MATCH (b:Court {id: 'court:beijing-high-peoples-court'})
MERGE (a)-[r:HEARD_BY]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:brief-public-record'],
  quotes: ['According to the Beijing High People’s Court', 'the Beijing case number is (2018) Jing Min Chu No. 127']
};
MATCH (a:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MATCH (b:Registration {id: 'CTMO:4249189'})
MERGE (a)-[r:INVOLVES_REGISTRATION]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:brief-public-record'],
  quotes: ['is “closely related” to Yanhuang Yingxing’s registered trademark', 'what prior registration it rested on (applied 2004, registered 2008-02-07)']
};
MATCH (a:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MATCH (b:Mark {id: 'mark:aws'})
MERGE (a)-[r:INVOLVES_MARK]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['sued Amazon and its partner –Ltd. for illegally using the “AWS” trademark', 'Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co., back in 2018 over the use of the logo']
};
MATCH (a:Company {id: 'company:actionsoft'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r += {
  role: 'plaintiff',
  nameAsGiven: 'Beijing ActionSoft',
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co., back in 2018', 'In July 2018, Beijing ActionSoft Science & Technology Development Co., a Chinese software and data services company, sued Amazon']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r += {
  role: 'defendant',
  nameAsGiven: 'Amazon',
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co.', 'sued Amazon and its partner –Ltd. for illegally using the “AWS” trademark']
};
MATCH (a:Company {id: 'company:beijing-sinnet'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r += {
  role: 'defendant',
  nameAsGiven: 'Beijing Sinnet Technology Co.',
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co., back in 2018', 'sued Amazon and its partner –Ltd.']
};
MATCH (a:Company {id: 'company:amazon-connect-tech'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:PARTY_TO]->(b)
SET r += {
  role: 'defendant',
  nameAsGiven: 'Amazon Connect Technology Services',
  sourceIds: ['src:article-000'],
  quotes: ['Amazon Connect Technology Services, a subsidiary of Amazon in China, was ruled to have infringed the trademark of ActionSoft Science and Technology Development Company in a Chinese court recently']
};

// ---- Disputed: the plaintiff as each source names it (all three resolve to company:actionsoft) ----
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws:plaintiffName:1'})
SET n += {
  subjectId: 'lawsuit:actionsoft-v-amazon-aws',
  property: 'plaintiffName',
  value: 'Beijing ActionSoft',
  note: 'All three names resolve to company:actionsoft: "Beijing Yanhuang Yingxing" is a transliteration of the Chinese name 北京炎黄盈动科技发展有限责任公司, and article 001 itself also names Beijing ActionSoft Science & Technology Development Co. as the company that sued.',
  sourceIds: ['src:article-000'],
  quotes: ['Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co.']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws:plaintiffName:1'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['Beijing ActionSoft sued Amazon and local Chinese partner company Beijing Sinnet Technology Co.']
};
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws:plaintiffName:2'})
SET n += {
  subjectId: 'lawsuit:actionsoft-v-amazon-aws',
  property: 'plaintiffName',
  value: 'Beijing Yanhuang Yingxing Technology Development Co.',
  note: 'All three names resolve to company:actionsoft: "Beijing Yanhuang Yingxing" is a transliteration of the Chinese name 北京炎黄盈动科技发展有限责任公司, and article 001 itself also names Beijing ActionSoft Science & Technology Development Co. as the company that sued.',
  sourceIds: ['src:article-001'],
  quotes: ['the plaintiff, Beijing Yanhuang Yingxing Technology Development Co.']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws:plaintiffName:2'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-001'],
  quotes: ['the plaintiff, Beijing Yanhuang Yingxing Technology Development Co.']
};
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws:plaintiffName:3'})
SET n += {
  subjectId: 'lawsuit:actionsoft-v-amazon-aws',
  property: 'plaintiffName',
  value: '北京炎黄盈动科技发展有限责任公司',
  note: 'All three names resolve to company:actionsoft: "Beijing Yanhuang Yingxing" is a transliteration of the Chinese name 北京炎黄盈动科技发展有限责任公司, and article 001 itself also names Beijing ActionSoft Science & Technology Development Co. as the company that sued.',
  sourceIds: ['src:brief-public-record'],
  quotes: ["the plaintiff's Chinese name is 北京炎黄盈动科技发展有限责任公司"]
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws:plaintiffName:3'})
MATCH (b:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:brief-public-record'],
  quotes: ["the plaintiff's Chinese name is 北京炎黄盈动科技发展有限责任公司"]
};

// ---- First-instance ruling ----
MERGE (n:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
SET n += {
  instance: 'first-instance',
  outcome: 'infringement found',
  damagesAmount: 76463000.0,
  damagesCurrency: 'CNY',
  costsAmount: 260000.0,
  costsCurrency: 'CNY',
  injunction: 'Stop using "AWS" or any similar trademark in China',
  sourceIds: ['src:article-001', 'src:article-001', 'src:article-000', 'src:brief-public-record'],
  quotes: ['A Beijing court has ruled that U.S. e-commerce giant Amazon.com Inc.’s (AMZN) cloud service infringes on trademark rights', 'The court ordered Amazon to stop using “AWS” or any similar trademark in China and to pay the plaintiff 76.46 million RMB (approximately US$11 million) as financial compensation', 'the Beijing court said that Amazon must pay 76.5 million yuan, or around $11 million USD, to the plaintiffs', 'the award was RMB 76,463,000 in losses plus RMB 260,000 in costs']
};
MATCH (a:Lawsuit {id: 'lawsuit:actionsoft-v-amazon-aws'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:HAS_RULING]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['A Beijing court has ruled that U.S. e-commerce giant Amazon.com Inc.’s (AMZN) cloud service infringes on trademark rights', 'As part of the ruling, the Beijing court said that Amazon must pay 76.5 million yuan']
};
MATCH (a:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MATCH (b:Court {id: 'court:beijing-high-peoples-court'})
MERGE (a)-[r:ISSUED_BY]->(b)
SET r += {
  sourceIds: ['src:article-001', 'src:article-000'],
  quotes: ['According to the Beijing High People’s Court', 'the Beijing court said that Amazon must pay 76.5 million yuan']
};

// ---- Disputed: the amount of damages ----
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesAmount:1'})
SET n += {
  subjectId: 'ruling:actionsoft-v-amazon-aws-first-instance',
  property: 'damagesAmount',
  value: '76.5 million yuan',
  numericValue: 76500000.0,
  note: 'Rounded figure; the article adds "around $11 million USD".',
  sourceIds: ['src:article-000'],
  quotes: ['the Beijing court said that Amazon must pay 76.5 million yuan, or around $11 million USD']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesAmount:1'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['the Beijing court said that Amazon must pay 76.5 million yuan, or around $11 million USD']
};
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesAmount:2'})
SET n += {
  subjectId: 'ruling:actionsoft-v-amazon-aws-first-instance',
  property: 'damagesAmount',
  value: '76.46 million yuan',
  numericValue: 76460000.0,
  sourceIds: ['src:article-001'],
  quotes: ['to pay the plaintiff 76.46 million RMB (approximately US$11 million) as financial compensation']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesAmount:2'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-001'],
  quotes: ['to pay the plaintiff 76.46 million RMB (approximately US$11 million) as financial compensation']
};
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesAmount:3'})
SET n += {
  subjectId: 'ruling:actionsoft-v-amazon-aws-first-instance',
  property: 'damagesAmount',
  value: 'RMB 76,463,000 in losses (plus RMB 260,000 in costs)',
  numericValue: 76463000.0,
  note: 'Public-record figure, used as the ruling damagesAmount; costs are kept apart as costsAmount.',
  sourceIds: ['src:brief-public-record'],
  quotes: ['the award was RMB 76,463,000 in losses plus RMB 260,000 in costs']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesAmount:3'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:brief-public-record'],
  quotes: ['the award was RMB 76,463,000 in losses plus RMB 260,000 in costs']
};

// ---- Disputed: who pays ----
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesPayer:1'})
SET n += {
  subjectId: 'ruling:actionsoft-v-amazon-aws-first-instance',
  property: 'damagesPayer',
  value: 'Amazon (the defendant) pays the plaintiffs',
  note: 'Article 001 says this in its third paragraph, contradicting its own first sentence.',
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['the Beijing court said that Amazon must pay 76.5 million yuan, or around $11 million USD, to the plaintiffs', 'The court ordered Amazon to stop using “AWS” or any similar trademark in China and to pay the plaintiff 76.46 million RMB']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesPayer:1'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['the Beijing court said that Amazon must pay 76.5 million yuan, or around $11 million USD, to the plaintiffs', 'The court ordered Amazon to stop using “AWS” or any similar trademark in China and to pay the plaintiff 76.46 million RMB']
};
MERGE (n:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesPayer:2'})
SET n += {
  subjectId: 'ruling:actionsoft-v-amazon-aws-first-instance',
  property: 'damagesPayer',
  value: 'the plaintiff, Beijing Yanhuang Yingxing, pays',
  note: 'First sentence of article 001.',
  sourceIds: ['src:article-001'],
  quotes: ['requiring the plaintiff, Beijing Yanhuang Yingxing Technology Development Co. to pay 76.46 million yuan in damages']
};
MATCH (a:Assertion {id: 'assertion:actionsoft-v-amazon-aws-first-instance:damagesPayer:2'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-001'],
  quotes: ['requiring the plaintiff, Beijing Yanhuang Yingxing Technology Development Co. to pay 76.46 million yuan in damages']
};

// ---- Appeal ----
MERGE (n:Appeal {id: 'appeal:amazon-aws'})
SET n += {
  status: 'filed',
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['We strongly disagree with the court’s ruling and have appealed the case to the Supreme Court', 'We disagree with the court’s decision and have appealed the case to the High Court']
};
MATCH (a:Appeal {id: 'appeal:amazon-aws'})
MATCH (b:Ruling {id: 'ruling:actionsoft-v-amazon-aws-first-instance'})
MERGE (a)-[r:APPEALS]->(b)
SET r += {
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['We strongly disagree with the court’s ruling and have appealed the case', 'We disagree with the court’s decision and have appealed the case']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Appeal {id: 'appeal:amazon-aws'})
MERGE (a)-[r:FILED_APPEAL]->(b)
SET r += {
  sourceIds: ['src:article-000', 'src:article-001'],
  quotes: ['An Amazon spokesperson told the Wall Street Journal', 'Amazon said the company is the first to use the trademark in China and will continue to appeal the case']
};
MATCH (a:Appeal {id: 'appeal:amazon-aws'})
MATCH (b:Court {id: 'court:supreme-peoples-court'})
MERGE (a)-[r:TO_COURT]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['have appealed the case to the Supreme Court']
};

// ---- Disputed: the appeal court ----
MERGE (n:Assertion {id: 'assertion:amazon-aws:court:1'})
SET n += {
  subjectId: 'appeal:amazon-aws',
  property: 'court',
  value: 'the Supreme Court',
  note: 'Amazon spokesperson quoted by article 000 (from the Wall Street Journal).',
  sourceIds: ['src:article-000'],
  quotes: ['have appealed the case to the Supreme Court']
};
MATCH (a:Assertion {id: 'assertion:amazon-aws:court:1'})
MATCH (b:Appeal {id: 'appeal:amazon-aws'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-000'],
  quotes: ['have appealed the case to the Supreme Court']
};
MERGE (n:Assertion {id: 'assertion:amazon-aws:court:2'})
SET n += {
  subjectId: 'appeal:amazon-aws',
  property: 'court',
  value: 'the High Court',
  note: 'Amazon spokesperson quoted by article 001; the first instance was itself heard by the Beijing High People’s Court.',
  sourceIds: ['src:article-001'],
  quotes: ['have appealed the case to the High Court']
};
MATCH (a:Assertion {id: 'assertion:amazon-aws:court:2'})
MATCH (b:Appeal {id: 'appeal:amazon-aws'})
MERGE (a)-[r:ABOUT]->(b)
SET r += {
  sourceIds: ['src:article-001'],
  quotes: ['have appealed the case to the High Court']
};

// ---- Authorities ----
MERGE (n:Authority {id: 'authority:japan-customs'})
SET n += {
  name: 'Japan Customs and Tariff Bureau',
  aliases: ['Japan Customs', 'Japan Customs and Tariff Agency', 'Japan Customs Tariff Bureau', 'Customs Tariff Bureau'],
  kind: 'customs',
  country: 'JP',
  sourceIds: ['src:article-002', 'src:article-002', 'src:article-002'],
  quotes: ['a cooperation agreement with Japan Customs ( Japan Customs and Tariff Agency )', 'Amazon Japan and the Japan Customs Tariff Bureau can effectively exchange information about seized counterfeit goods', 'working with the Customs Tariff Bureau to prevent counterfeit products from entering the Japanese market']
};
MERGE (n:Authority {id: 'authority:city-of-london-police'})
SET n += {
  name: 'City of London Police',
  aliases: ['London City Police'],
  kind: 'police',
  country: 'GB',
  sourceIds: ['src:article-002'],
  quotes: ['it cooperated with the London City Police to seize more than 32,000 counterfeit CDs in Wirral']
};
MERGE (n:Authority {id: 'authority:anatel'})
SET n += {
  name: 'Brazilian National Telecommunications Agency',
  aliases: ['Anatel'],
  kind: 'regulator',
  country: 'BR',
  sourceIds: ['src:article-002'],
  quotes: ['Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse']
};
MERGE (n:Authority {id: 'authority:yiwu-authorities'})
SET n += {
  name: 'relevant domestic departments (Yiwu)',
  aliases: [],
  kind: 'administration',
  country: 'CN',
  sourceIds: ['src:article-002'],
  quotes: ['Amazon cooperated with relevant domestic departments to seal up hundreds of counterfeit products in Yiwu']
};

// ---- Cooperation agreement: Amazon Japan and Japan Customs ----
MERGE (n:Agreement {id: 'agreement:amazon-japan-customs'})
SET n += {
  title: 'Cooperation agreement between Amazon Japan and Japan Customs against counterfeit imports',
  kind: 'cooperation',
  dateAsGiven: 'June 30',
  scope: 'Strengthen control over imported products, especially counterfeits, to keep goods that infringe intellectual property rights out of the Japanese market; exchange information about seized counterfeit goods and related counterfeiters. The first cooperation of the Japan Customs Tariff Bureau with an e-commerce company.',
  sourceIds: ['src:article-002', 'src:article-002', 'src:article-002', 'src:article-002'],
  quotes: ['On June 30 , Amazon officially announced that its Japanese company has formally signed a cooperation agreement with Japan Customs', 'the two parties will strengthen control over imported products, especially products involving compliance issues such as counterfeiting , to prevent goods that infringe intellectual property rights from entering the Japanese market', 'Amazon Japan and the Japan Customs Tariff Bureau can effectively exchange information about seized counterfeit goods and related counterfeiters', 'this is also the first time that the Japan Customs Tariff Bureau has cooperated with an e-commerce company']
};
MATCH (a:Company {id: 'company:amazon-japan'})
MATCH (b:Agreement {id: 'agreement:amazon-japan-customs'})
MERGE (a)-[r:PARTY_TO_AGREEMENT]->(b)
SET r += {
  role: 'platform',
  sourceIds: ['src:article-002'],
  quotes: ['its Japanese company has formally signed a cooperation agreement with Japan Customs']
};
MATCH (a:Authority {id: 'authority:japan-customs'})
MATCH (b:Agreement {id: 'agreement:amazon-japan-customs'})
MERGE (a)-[r:PARTY_TO_AGREEMENT]->(b)
SET r += {
  role: 'customs authority',
  sourceIds: ['src:article-002'],
  quotes: ['formally signed a cooperation agreement with Japan Customs ( Japan Customs and Tariff Agency )']
};

// ---- People ----
MERGE (n:Person {id: 'person:wataru-sakata'})
SET n += {
  name: 'Wataru Sakata',
  aliases: [],
  sourceIds: ['src:article-002'],
  quotes: ['Wataru Sakata, spokesman for the Japan Customs Tariff Bureau']
};
MATCH (a:Person {id: 'person:wataru-sakata'})
MATCH (b:Authority {id: 'authority:japan-customs'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {
  title: 'spokesman',
  sourceIds: ['src:article-002'],
  quotes: ['Wataru Sakata, spokesman for the Japan Customs Tariff Bureau']
};
MERGE (n:Person {id: 'person:jasper-chan'})
SET n += {
  name: 'Jasper Chan',
  aliases: [],
  sourceIds: ['src:article-002'],
  quotes: ['Jasper Chan, president of Amazon Japan']
};
MATCH (a:Person {id: 'person:jasper-chan'})
MATCH (b:Company {id: 'company:amazon-japan'})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += {
  title: 'president',
  sourceIds: ['src:article-002'],
  quotes: ['Jasper Chan, president of Amazon Japan']
};

// ---- Products ----
MERGE (n:Product {id: 'product:counterfeit-products'})
SET n += {
  name: 'Counterfeit products',
  aliases: [],
  category: 'counterfeit goods',
  sourceIds: ['src:article-002'],
  quotes: ['seal up hundreds of counterfeit products in Yiwu']
};
MERGE (n:Product {id: 'product:counterfeit-cds'})
SET n += {
  name: 'Counterfeit CDs',
  aliases: [],
  category: 'counterfeit goods',
  sourceIds: ['src:article-002'],
  quotes: ['seize more than 32,000 counterfeit CDs in Wirral']
};
MERGE (n:Product {id: 'product:unapproved-telecom-products'})
SET n += {
  name: 'Unapproved telecommunications products',
  aliases: [],
  category: 'telecommunications products',
  sourceIds: ['src:article-002'],
  quotes: ['5,700 unapproved telecommunications products were seized']
};
MERGE (n:Product {id: 'product:balance-car'})
SET n += {
  name: 'Balance car',
  aliases: [],
  category: 'personal transport',
  sourceIds: ['src:article-003'],
  quotes: ['In the case of a typical balance car before']
};

// ---- Seizures Amazon assisted (article 002 gives no year: date unset, dateAsGiven as given) ----
MERGE (n:Seizure {id: 'seizure:yiwu'})
SET n += {
  dateAsGiven: 'April',
  place: 'Yiwu',
  country: 'CN',
  goods: 'counterfeit products',
  itemCountQualifier: 'hundreds of',
  description: 'Amazon cooperated with relevant domestic departments to seal up hundreds of counterfeit products in Yiwu.',
  sourceIds: ['src:article-002'],
  quotes: ['In April, Amazon cooperated with relevant domestic departments to seal up hundreds of counterfeit products in Yiwu']
};
MATCH (a:Authority {id: 'authority:yiwu-authorities'})
MATCH (b:Seizure {id: 'seizure:yiwu'})
MERGE (a)-[r:CONDUCTED]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['In April, Amazon cooperated with relevant domestic departments to seal up hundreds of counterfeit products in Yiwu']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Seizure {id: 'seizure:yiwu'})
MERGE (a)-[r:ASSISTED]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['In April, Amazon cooperated with relevant domestic departments to seal up hundreds of counterfeit products in Yiwu']
};
MATCH (a:Seizure {id: 'seizure:yiwu'})
MATCH (b:Jurisdiction {id: 'CN'})
MERGE (a)-[r:IN_JURISDICTION]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['relevant domestic departments to seal up hundreds of counterfeit products in Yiwu']
};
MATCH (a:Seizure {id: 'seizure:yiwu'})
MATCH (b:Product {id: 'product:counterfeit-products'})
MERGE (a)-[r:SEIZED_GOODS]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['seal up hundreds of counterfeit products in Yiwu']
};
MERGE (n:Seizure {id: 'seizure:wirral-cds'})
SET n += {
  dateAsGiven: 'June',
  place: 'Wirral',
  country: 'GB',
  goods: 'counterfeit CDs',
  itemCount: 32000,
  itemCountQualifier: 'more than',
  valueAmount: 1400000.0,
  valueCurrency: 'CNY',
  valueQualifier: 'about',
  description: 'With the London City Police, Amazon helped seize more than 32,000 counterfeit CDs in Wirral, total value about RMB 1.4 million.',
  sourceIds: ['src:article-002'],
  quotes: ['In June, it cooperated with the London City Police to seize more than 32,000 counterfeit CDs in Wirral, with a total value of about RMB 1.4 million']
};
MATCH (a:Authority {id: 'authority:city-of-london-police'})
MATCH (b:Seizure {id: 'seizure:wirral-cds'})
MERGE (a)-[r:CONDUCTED]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['In June, it cooperated with the London City Police to seize more than 32,000 counterfeit CDs in Wirral, with a total value of about RMB 1.4 million']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Seizure {id: 'seizure:wirral-cds'})
MERGE (a)-[r:ASSISTED]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['In June, it cooperated with the London City Police to seize more than 32,000 counterfeit CDs in Wirral, with a total value of about RMB 1.4 million']
};
MATCH (a:Seizure {id: 'seizure:wirral-cds'})
MATCH (b:Jurisdiction {id: 'GB'})
MERGE (a)-[r:IN_JURISDICTION]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['seize more than 32,000 counterfeit CDs in Wirral']
};
MATCH (a:Seizure {id: 'seizure:wirral-cds'})
MATCH (b:Product {id: 'product:counterfeit-cds'})
MERGE (a)-[r:SEIZED_GOODS]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['seize more than 32,000 counterfeit CDs in Wirral']
};
MERGE (n:Seizure {id: 'seizure:anatel-warehouse'})
SET n += {
  dateAsGiven: 'June',
  place: "Amazon's warehouse",
  country: 'BR',
  goods: 'unapproved telecommunications products',
  itemCount: 5700,
  valueAmount: 640000.0,
  valueCurrency: 'CNY',
  valueQualifier: 'about',
  description: 'In the same month (June), Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse; 5,700 unapproved telecommunications products were seized, total value about RMB 640,000.',
  sourceIds: ['src:article-002'],
  quotes: ['In the same month, Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse, and 5,700 unapproved telecommunications products were seized , with a total value of about RMB 640,000']
};
MATCH (a:Authority {id: 'authority:anatel'})
MATCH (b:Seizure {id: 'seizure:anatel-warehouse'})
MERGE (a)-[r:CONDUCTED]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['In the same month, Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse, and 5,700 unapproved telecommunications products were seized , with a total value of about RMB 640,000']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:Seizure {id: 'seizure:anatel-warehouse'})
MERGE (a)-[r:ASSISTED]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['In the same month, Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse, and 5,700 unapproved telecommunications products were seized , with a total value of about RMB 640,000']
};
MATCH (a:Seizure {id: 'seizure:anatel-warehouse'})
MATCH (b:Jurisdiction {id: 'BR'})
MERGE (a)-[r:IN_JURISDICTION]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['Amazon cooperated with the Brazilian National Telecommunications Agency to inspect its warehouse']
};
MATCH (a:Seizure {id: 'seizure:anatel-warehouse'})
MATCH (b:Product {id: 'product:unapproved-telecom-products'})
MERGE (a)-[r:SEIZED_GOODS]->(b)
SET r += {
  sourceIds: ['src:article-002'],
  quotes: ['5,700 unapproved telecommunications products were seized']
};

// ---- Enforcement action: refunds against balance-car suppliers in Shenzhen ----
MERGE (n:EnforcementAction {id: 'action:balance-car-refunds'})
SET n += {
  kind: 'platform-refund',
  description: 'In a typical balance-car infringement case, Amazon refunded nearly 600,000 yuan from a supplier overnight; most of the enterprises involved were in Shenzhen, and companies centred on balance cars closed down.',
  place: 'Shenzhen',
  country: 'CN',
  amount: 600000.0,
  currency: 'CNY',
  amountQualifier: 'nearly',
  sourceIds: ['src:article-003'],
  quotes: ['In the case of a typical balance car before, the supplier was strongly refunded by Amazon for nearly 600,000 yuan overnight. Most of the enterprises involved are concentrated in Shenzhen']
};
MATCH (a:Company {id: 'company:amazon'})
MATCH (b:EnforcementAction {id: 'action:balance-car-refunds'})
MERGE (a)-[r:TOOK_ACTION]->(b)
SET r += {
  sourceIds: ['src:article-003'],
  quotes: ['the supplier was strongly refunded by Amazon for nearly 600,000 yuan overnight']
};
MATCH (a:EnforcementAction {id: 'action:balance-car-refunds'})
MATCH (b:Company {id: 'company:shenzhen-balance-car-suppliers'})
MERGE (a)-[r:AGAINST]->(b)
SET r += {
  sourceIds: ['src:article-003'],
  quotes: ['In the case of a typical balance car before, the supplier was strongly refunded by Amazon for nearly 600,000 yuan overnight. Most of the enterprises involved are concentrated in Shenzhen']
};
MATCH (a:EnforcementAction {id: 'action:balance-car-refunds'})
MATCH (b:Product {id: 'product:balance-car'})
MERGE (a)-[r:CONCERNS_PRODUCT]->(b)
SET r += {
  sourceIds: ['src:article-003'],
  quotes: ['In the case of a typical balance car before, the supplier was strongly refunded by Amazon']
};
