// "Cite this term": how a concept page is cited, as a sentence and as a BibTeX entry, from the page's own
// data (title, term id, last updated) and the shell (site title, site URL). Pure, no Astro.

export interface CiteInput {
  title: string;
  termId: string | null;
  siteTitle: string;
  /** Absolute URL of the concept page. */
  url: string;
  /** YYYY-MM-DD (or anything else the page says; only a date gives the BibTeX year). */
  lastUpdated: string | null;
}

/** "Model Weights" (term AI-0052). In Model Weights Glossary. https://…/concepts/model-weights/. Last updated 2026-11-14. */
export function citationText(c: CiteInput): string {
  const parts = [`“${c.title}”${c.termId ? ` (term ${c.termId})` : ''}.`, `In ${c.siteTitle}.`, `${c.url}.`];
  if (c.lastUpdated) parts.push(`Last updated ${c.lastUpdated}.`);
  return parts.join(' ');
}

/** Text for a BibTeX field: the characters TeX treats specially are escaped. */
export function bibtexText(s: string): string {
  return s.replace(/[\\{}$&%#_^~]/g, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '^' ? '\\textasciicircum{}' : ch === '~' ? '\\textasciitilde{}' : `\\${ch}`,
  );
}

/** A citation key: the term id (or the title) in lower case, letters, digits and hyphens only. */
export function bibtexKey(c: Pick<CiteInput, 'termId' | 'title'>): string {
  const base = (c.termId ?? c.title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `kb-${base || 'term'}`;
}

export function citationBibtex(c: CiteInput): string {
  const year = /^(\d{4})-\d{2}-\d{2}/.exec(c.lastUpdated ?? '')?.[1];
  const fields: [string, string][] = [
    ['title', `{${bibtexText(c.title)}}`],
    ['howpublished', `\\url{${c.url.replace(/[%#\\{}]/g, (ch) => `\\${ch}`)}}`],
    ['organization', bibtexText(c.siteTitle)],
    ...(year ? ([['year', year]] as [string, string][]) : []),
    [
      'note',
      bibtexText([c.termId ? `Term ${c.termId}` : '', c.lastUpdated ? `last updated ${c.lastUpdated}` : ''].filter(Boolean).join('; ') || 'Glossary entry'),
    ],
  ];
  return `@misc{${bibtexKey(c)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}
