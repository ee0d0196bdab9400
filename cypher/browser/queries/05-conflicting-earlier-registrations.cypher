// Conflict search: earlier registrations in the same territory whose mark text is the same (case folded, or an alias of the mark), with shared Nice classes
:param markText => 'AWS';
:param classes => [42];
:param jurisdiction => 'CN';
:param date => '2014';
MATCH (r:Registration {jurisdiction: $jurisdiction})
WHERE r.filedOn < $date
OPTIONAL MATCH (r)-[:OF_MARK]->(m:Mark)
WITH r, m, [c IN r.classes WHERE c IN $classes] AS sharedClasses
WHERE toUpper(r.markText) = toUpper($markText)
  OR (m IS NOT NULL AND toUpper($markText) IN [a IN m.aliases | toUpper(a)])
OPTIONAL MATCH (holder:Company|Person|Authority)-[o:OWNS]->(r)
RETURN r.id AS registration, r.markText AS mark, r.classes AS classes, sharedClasses, r.filedOn AS filedOn,
  r.registeredOn AS registeredOn, collect(holder.name) AS holders,
  CASE WHEN r.markText = $markText THEN 'same text' ELSE 'same text, case or alias folded' END AS why,
  r.sourceIds AS sources
ORDER BY size(sharedClasses) DESC, filedOn
