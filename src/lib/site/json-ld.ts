// schema.org JSON-LD for a concept page, serialised so that it is safe inside a <script> element.

export interface DefinedTermInput {
  title: string;
  termId: string | null;
  summary: string;
  definitionText: string;
  aliases: string[];
  /** Absolute URL of the concept page. */
  url: string;
  /** Absolute URL of the site (the defined-term set). */
  siteUrl: string;
  siteTitle: string;
}

export function definedTerm(input: DefinedTermInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    name: input.title,
    ...(input.termId ? { termCode: input.termId } : {}),
    description: input.definitionText || input.summary,
    url: input.url,
    inDefinedTermSet: { '@type': 'DefinedTermSet', name: input.siteTitle, url: input.siteUrl },
    ...(input.aliases.length > 0 ? { alternateName: input.aliases } : {}),
  };
}

/** JSON for a script element: `<`, `>`, `&` and the line separators are escaped, so content cannot end the script. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org JSON-LD for the glossary itself (the home page). */
export function definedTermSet(input: { siteTitle: string; description: string; siteUrl: string; termCount: number }): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    name: input.siteTitle,
    description: input.description,
    url: input.siteUrl,
    numberOfItems: input.termCount,
  };
}
