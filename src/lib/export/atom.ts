// The Atom feed (RFC 4287) of recently updated terms, from the feed's own data object
// (src/lib/site/pages.ts FeedData): one entry per term with its title, summary, page URL and
// last-updated date. No build timestamps: the feed's `updated` is its newest entry's date, so the same
// content always gives the same bytes.
import type { FeedData } from '../site/pages.ts';
import { conceptHref } from '../site/view.ts';

export interface AtomSite {
  /** Absolute site URL without a trailing slash. */
  siteUrl: string;
  title: string;
  description: string;
  feed: { href: string; title: string };
}

/** Text for XML: markup characters escaped, characters XML 1.0 does not allow dropped. */
function xmlText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const allowed = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (!allowed) continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch;
  }
  return out;
}

/** A YYYY-MM-DD date as an RFC 3339 timestamp (midnight UTC). */
const timestamp = (date: string) => `${date}T00:00:00Z`;

/** The epoch stands in for `updated` when no term has a date (the element is required). */
const EPOCH = '1970-01-01';

export function atomXml(site: AtomSite, data: FeedData): string {
  const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlText(text)}</${name}>`;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.max would make them NaN
  const updated = data.entries.reduce((max, e) => (e.updated > max ? e.updated : max), EPOCH);
  const entries = data.entries.map((e) => {
    const url = site.siteUrl + conceptHref(e.slug);
    return [
      '<entry>',
      el('title', e.termId ? `${e.title} (${e.termId})` : e.title),
      `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      el('id', url),
      el('updated', timestamp(e.updated)),
      e.summary ? el('summary', e.summary, ' type="text"') : '',
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el('title', site.feed.title),
    site.description ? el('subtitle', site.description) : '',
    `<link rel="self" type="application/atom+xml" href="${xmlText(site.siteUrl + site.feed.href)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(`${site.siteUrl}/`)}"/>`,
    el('id', `${site.siteUrl}/`),
    el('updated', timestamp(updated)),
    `<author>${el('name', site.title)}</author>`,
    ...entries,
    '</feed>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
