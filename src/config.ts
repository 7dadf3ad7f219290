// Site configuration: what a maintainer sets once. Environment variables override a few settings
// for one run, validated with zod (an unusable value is an error that says what to write, never a
// silent default): KB_CONTENT_DIR (content folder), KB_CACHE_DIR (build cache), KB_STRICT (errors
// fail the build), KB_PUBLISH_ALL (publish every page not explicitly marked private), KB_SITE_URL
// (canonical URL), KB_SITE_TITLE, KB_SITE_DESCRIPTION, KB_DIAGNOSTICS_PAGE (the /diagnostics/ page),
// KB_SEARCH_BODIES=auto|always|never (search scope), KB_SEARCH_GROUPS=auto|always|never (concepts
// indexed in groups: automatic above 20,000 concepts), KB_AUTOLINK (automatic term links; on unless 0).
import path from 'node:path';
import { z } from 'zod';
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
   * Whether concepts go into the search index in groups (src/lib/build/search-plan.ts): `auto` above
   * 20,000 concepts, where one record each would make the first query's download too large.
   */
  searchGroups: 'auto' | 'always' | 'never';
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

/**
 * The environment's settings, checked with zod. Switches take 1/0, true/false, yes/no or on/off
 * (any case); anything else is an error that names the variable and what to write, as is an empty
 * folder path or a site URL that is not absolute http(s). Unset variables take their defaults, and
 * so do switches and choices set to nothing (`KB_STRICT=`).
 */
const SWITCH = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => /^(1|0|true|false|yes|no|on|off)$/.test(v), { message: 'write 1 or 0 (or true/false, yes/no, on/off)' })
  .transform((v) => /^(1|true|yes|on)$/.test(v));

const FOLDER = z.string().refine((v) => v.trim() !== '', { message: 'is set but empty; give a folder, or unset it' });

const EnvSchema = z.object({
  KB_CONTENT_DIR: FOLDER.optional(),
  KB_CACHE_DIR: FOLDER.optional(),
  KB_SITE_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^/\s]+/.test(v) && URL.canParse(v), { message: 'must be an absolute http(s) URL such as https://glossary.example.org' })
    .optional(),
  KB_SITE_TITLE: z.string().trim().min(1, { message: 'is set but empty' }).optional(),
  KB_SITE_DESCRIPTION: z.string().trim().optional(),
  KB_STRICT: SWITCH.optional(),
  KB_PUBLISH_ALL: SWITCH.optional(),
  KB_DIAGNOSTICS_PAGE: SWITCH.optional(),
  KB_SEARCH_BODIES: z.enum(['auto', 'always', 'never'], { message: 'must be auto, always or never' }).optional(),
  KB_SEARCH_GROUPS: z.enum(['auto', 'always', 'never'], { message: 'must be auto, always or never' }).optional(),
  KB_AUTOLINK: SWITCH.optional(),
});

export type KbEnv = z.infer<typeof EnvSchema>;

/** Variables whose empty value is an error rather than "unset" (an empty folder means the current one). */
const FOLDER_KEYS = new Set(['KB_CONTENT_DIR', 'KB_CACHE_DIR']);

/** A setting the user must change: the message names each variable and says what to write. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The KB_* variables of `env`, validated (unset and, for optional text, absent values left out). */
export function readEnv(env: NodeJS.ProcessEnv = process.env): KbEnv {
  const input: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value === undefined || (value.trim() === '' && !FOLDER_KEYS.has(key))) continue;
    input[key] = value;
  }
  const parsed = EnvSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `${key}=${JSON.stringify(input[key] ?? '')}: ${issue.message}`;
    }),
  );
}

const DEFAULT_DESCRIPTION =
  'A reference glossary of the numbers a neural network learns: weights, biases, and how they are initialised, trained, regularised, pruned and stored.';

export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const e = readEnv(env);
  return {
    title: e.KB_SITE_TITLE ?? 'Model Weights Glossary',
    description: e.KB_SITE_DESCRIPTION ?? DEFAULT_DESCRIPTION,
    siteUrl: (e.KB_SITE_URL ?? 'https://glossary.example.org').replace(/\/+$/, ''),
    publishAll: e.KB_PUBLISH_ALL ?? false,
    strict: e.KB_STRICT ?? false,
    diagnosticsPage: e.KB_DIAGNOSTICS_PAGE ?? false,
    searchBodies: e.KB_SEARCH_BODIES ?? 'auto',
    searchGroups: e.KB_SEARCH_GROUPS ?? 'auto',
    autolink: e.KB_AUTOLINK ?? true,
    domains: defaultDomains,
  };
}

/**
 * The content folder: `--content DIR` beats KB_CONTENT_DIR beats `content/`, relative to `cwd`. An
 * empty value is an error (it would otherwise mean the current folder, the whole repository).
 */
export function resolveContentDir(explicit?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (explicit !== undefined && explicit.trim() === '') throw new ConfigError(['--content: give a folder of pages']);
  return path.resolve(cwd, explicit ?? readEnv(env).KB_CONTENT_DIR ?? 'content');
}

/**
 * Astro's cache folder (site data, incremental-build records): KB_CACHE_DIR gives a build its own,
 * so parallel builds of different content folders never share one.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, readEnv(env).KB_CACHE_DIR ?? 'node_modules/.astro');
}
