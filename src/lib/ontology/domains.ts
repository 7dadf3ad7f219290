// Source domains: many spellings, one domain. The alias map is configurable (src/config.ts);
// spellings not in it are normalised (lower case, `-grounded` suffix dropped) and kept as they are.

export interface DomainInfo {
  key: string;
  name: string;
  aliases: readonly string[];
}

export function makeDomainNormaliser(domains: readonly DomainInfo[]): (raw: string | null) => string | null {
  const map = new Map<string, string>();
  for (const d of domains) {
    map.set(d.key.toLowerCase(), d.key);
    for (const a of d.aliases) map.set(a.toLowerCase(), d.key);
  }
  return (raw) => {
    if (raw === null) return null;
    const v = raw.replace(/\[\[|\]\]/g, '').trim().toLowerCase().replace(/\s+/g, '-');
    if (v === '') return null;
    return map.get(v) ?? map.get(v.replace(/-grounded$/, '')) ?? v.replace(/-grounded$/, '');
  };
}

export function domainName(domains: readonly DomainInfo[], key: string): string {
  const d = domains.find((x) => x.key === key);
  if (d) return d.name;
  return key
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}
