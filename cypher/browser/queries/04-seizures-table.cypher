// Seizures a platform assisted, as a table: place, date, goods, count, value, authority, country, sources
:param platformId => 'company:amazon';
MATCH (:Company {id: $platformId})-[:ASSISTED]->(s:Seizure)<-[:CONDUCTED]-(a:Authority)
OPTIONAL MATCH (s)-[:SEIZED_GOODS]->(p:Product)
RETURN s.country AS country, s.place AS place, coalesce(s.date, s.dateAsGiven) AS date, s.goods AS goods,
  trim(coalesce(s.itemCountQualifier, '') + ' ' + coalesce(toString(s.itemCount), '')) AS items,
  s.valueAmount AS value, s.valueCurrency AS currency, a.name AS authority, collect(p.name) AS products,
  s.sourceIds AS sources
ORDER BY country, place
