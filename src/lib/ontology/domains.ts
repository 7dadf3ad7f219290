// Source domains: many spellings, one domain. The alias map is configurable (src/config.ts);
// spellings not in it are normalised (lower case, `-grounded` suffix dropped) into a URL-safe key,
// whatever they hold (`[[ETSI Domain/Interoperability]]` → `etsi-domain-interoperability`).
import { safeSlug, slugify } from './slug.ts';

export interface DomainInfo {
  key: string;
  name: string;
  aliases: readonly string[];
}

/** A domain value without link brackets, as written: the name shown for a domain not in the config. */
export function domainLabel(raw: string): string {
  return raw.replace(/\[\[|\]\]/g, '').trim();
}

export function makeDomainNormaliser(domains: readonly DomainInfo[]): (raw: string | null) => string | null {
  const map = new Map<string, string>();
  for (const d of domains) {
    map.set(d.key.toLowerCase(), d.key);
    for (const a of d.aliases) map.set(a.toLowerCase(), d.key);
  }
  return (raw) => {
    if (raw === null) return null;
    const label = domainLabel(raw);
    const v = label.toLowerCase().replace(/\s+/g, '-');
    if (v === '') return null;
    const bare = v.replace(/-grounded$/, '');
    return map.get(v) ?? map.get(bare) ?? map.get(slugify(bare)) ?? safeSlug(bare, 'domain');
  };
}

/**
 * The display name of a domain key: the configured name; else `label` (the domain as written) when
 * the key does not spell it (`ETSI Domain/Interoperability`, `🤖`); else the key in words.
 */
export function domainName(domains: readonly DomainInfo[], key: string, label?: string | null): string {
  const d = domains.find((x) => x.key === key);
  if (d) return d.name;
  if (label && label !== key && (/[A-Z\s/]/.test(label) || slugify(label.replace(/-grounded$/i, '')) !== key)) return label;
  return key
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}
