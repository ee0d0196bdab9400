// Where sources disagree: every disputed property of an entity, each claimed value with the sources that state it
:param subjectId => 'ruling:actionsoft-v-amazon-aws-first-instance';
MATCH (claim:Assertion)-[:ABOUT]->(subject {id: $subjectId})
RETURN subject.id AS subject, claim.property AS property, claim.value AS claimedValue, claim.numericValue AS number,
  claim.sourceIds AS sources, claim.quotes AS quotes
ORDER BY property, claimedValue
