// Shares demo settings through the URL hash: "#demo-NAME=key:value,key:value", several demos joined by "&".
// Hash values override the element's data-params when a demo mounts.

import type { DemoName } from './params.ts';

const PREFIX = 'demo-';

function entries(hash: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.startsWith(PREFIX)) found.set(part.slice(PREFIX.length, eq), part.slice(eq + 1));
  }
  return found;
}

export function decodeHashParams(name: DemoName, hash: string): Record<string, string> {
  const params: Record<string, string> = {};
  let encoded = entries(hash).get(name);
  if (!encoded) return params;
  try {
    encoded = decodeURIComponent(encoded);
  } catch {
    /* keep as written */
  }
  for (const pair of encoded.split(',')) {
    const colon = pair.indexOf(':');
    if (colon > 0) params[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  return params;
}

/** The hash with this demo's entry replaced (other demos' entries and unrelated text kept). */
export function encodeHashParams(name: DemoName, params: Record<string, string>, hash: string): string {
  const value = Object.entries(params)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
  const kept = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part && !part.startsWith(`${PREFIX}${name}=`));
  return `#${[...kept, `${PREFIX}${name}=${value}`].join('&')}`;
}

export function readHashParams(name: DemoName): Record<string, string> {
  return typeof location === 'undefined' ? {} : decodeHashParams(name, location.hash);
}

/** Writes the settings into the address bar (without a history entry) and returns the full link. */
export function writeHashParams(name: DemoName, params: Record<string, string>): string {
  const hash = encodeHashParams(name, params, location.hash);
  history.replaceState(history.state, '', hash);
  return location.href;
}
