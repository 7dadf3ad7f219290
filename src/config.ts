// Site configuration: what a maintainer sets once. Environment variables override a few settings
// for one run: KB_CONTENT_DIR (content folder), KB_STRICT=1 (errors fail the build),
// KB_PUBLISH_ALL=1 (publish every page not explicitly marked private), KB_SITE_URL (canonical URL),
// KB_DIAGNOSTICS_PAGE=1 (the /diagnostics/ page), KB_SEARCH_BODIES=auto|always|never (search scope),
// KB_AUTOLINK=0 (no automatic term links).
import path from 'node:path';
import type { DomainInfo } from './lib/ontology/domains.ts';

export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute URL the site is served from (canonical links, sitemap). */
  siteUrl: string;
  /** Publish every page not explicitly marked `public:: false` (default: only pages marked public). */
  publishAll: boolean;
  /** Fail the build when content has errors. */
  strict: boolean;
  /** Emit /diagnostics/ listing content problems (it names files, so it is off by default). */
  diagnosticsPage: boolean;
  /**
   * Search index scope: titles, term ids, alt terms and definitions are always indexed; page bodies
   * are indexed `always`, `never`, or in `auto` mode only up to 2,000 concepts (a large index makes
   * the first query's download grow past ~250 KB). KB_SEARCH_BODIES overrides.
   */
  searchBodies: 'auto' | 'always' | 'never';
  /**
   * Terms link themselves: the first mention of a published concept's preferred or alternative term
   * in a page body becomes a link to it (a page opts out with `autolink:: false`). KB_AUTOLINK=0 turns
   * it off for the whole site.
   */
  autolink: boolean;
  /** Domain keys, display names and the spellings that mean them. */
  domains: DomainInfo[];
}

export const defaultDomains: DomainInfo[] = [
  { key: 'ai', name: 'Artificial Intelligence', aliases: ['artificial-intelligence', 'ai-grounded', 'machine-learning', 'ml'] },
  { key: 'mathematics', name: 'Mathematics', aliases: ['math', 'maths', 'ma'] },
  { key: 'blockchain', name: 'Blockchain', aliases: ['bc', 'blockchain-grounded'] },
  { key: 'robotics', name: 'Robotics', aliases: ['rb', 'robotics-grounded'] },
  { key: 'metaverse', name: 'Metaverse', aliases: ['mv', 'metaverse-grounded'] },
  { key: 'telecollaboration', name: 'Telecollaboration', aliases: ['tc'] },
  { key: 'disruptive-technologies', name: 'Disruptive Technologies', aliases: ['disruptive-tech', 'dt'] },
];

const flag = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v);
const unlessOff = (v: string | undefined) => v === undefined || !/^(0|false|no|off)$/i.test(v.trim());

export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return {
    title: env.KB_SITE_TITLE ?? 'Model Weights Glossary',
    description:
      env.KB_SITE_DESCRIPTION ??
      'A reference glossary of the numbers a neural network learns: weights, biases, and how they are initialised, trained, regularised, pruned and stored.',
    siteUrl: (env.KB_SITE_URL ?? 'https://glossary.example.org').replace(/\/+$/, ''),
    publishAll: flag(env.KB_PUBLISH_ALL),
    strict: flag(env.KB_STRICT),
    diagnosticsPage: flag(env.KB_DIAGNOSTICS_PAGE),
    searchBodies: env.KB_SEARCH_BODIES === 'always' || env.KB_SEARCH_BODIES === 'never' ? env.KB_SEARCH_BODIES : 'auto',
    autolink: unlessOff(env.KB_AUTOLINK),
    domains: defaultDomains,
  };
}

/** The content folder: `--content DIR` beats KB_CONTENT_DIR beats `content/`, relative to `cwd`. */
export function resolveContentDir(explicit?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, explicit ?? env.KB_CONTENT_DIR ?? 'content');
}

/**
 * Astro's cache folder (content data store, render cache, incremental-build records): KB_CACHE_DIR
 * gives a build its own, so parallel builds of different content folders never share one.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.KB_CACHE_DIR ?? 'node_modules/.astro');
}
