// The real-graph shapes of issue 12 for the synthetic corpus: which pages are written in the JSON-LD
// dialect, and which Logseq pages put their properties beside the ontology block, their definition
// elsewhere (nested, in a child bullet, in a `- ### Definition` section), their parents only in OWL
// axioms, their title with underscores, links in alias form, text after child bullets or tags in
// another case. Drawn from a random stream of its own after planning, so titles, taxonomy and
// privacy are what the plan made them, with or without these shapes.

import type { Plan } from './plan.ts';
import type { Rng } from './rng.ts';
import type { PlannedConcept } from './types.ts';

/** Share of outline pages rewritten in the JSON-LD dialect. */
const JSON_LD_SHARE = 0.15;

function logseqShapes(rng: Rng, c: PlannedConcept): void {
  const s = c.shapes;
  const outline = c.dialect === 'tabs' || c.dialect === 'groups';
  s.siblingProperties = c.dialect === 'tabs' && rng.chance(0.08);
  const d = rng.float();
  if (outline && d < 0.05 && c.parents.length > 0 && c.dialect === 'tabs') s.definition = 'nested';
  else if (outline && d < 0.1) s.definition = 'child';
  else if (d < 0.16) s.definition = 'section';
  s.owlOnlyParents = outline && c.parents.length > 0 && s.definition !== 'nested' && rng.chance(0.04);
  s.underscoreTitle = !c.title.includes('/') && rng.chance(0.01);
  s.aliasLinks = rng.chance(0.1);
  s.textAfterChildren = c.dialect !== 'tabs' && rng.chance(0.15);
  s.tagCase = c.dialect === 'inline' && rng.chance(0.3);
}

function jsonLdShapes(rng: Rng, c: PlannedConcept): void {
  const s = c.shapes;
  c.dialect = 'jsonld';
  s.noTermId = rng.chance(0.2);
  s.singleParentObject = c.parents.length === 1 && rng.chance(0.3);
  s.relationshipLines = rng.chance(0.5);
  s.gloss = rng.chance(0.2);
  s.aliasLinks = rng.chance(0.3);
  s.definition = 'section';
}

export function assignShapes(rng: Rng, plan: Plan): void {
  for (const c of plan.concepts) {
    if (c.dialect !== 'front' && rng.chance(JSON_LD_SHARE)) jsonLdShapes(rng, c);
    else if (c.dialect !== 'front') logseqShapes(rng, c);
  }
}
