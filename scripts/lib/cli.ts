// The command-line conventions every `npm run …` command shares: one argument parser (node:util
// parseArgs, strict: unknown flags and missing values are rejected), `--help` / `-h`, usage errors
// and configuration errors (src/config.ts) printed in one line with the usage and exit status 2, and
// the content folder checked before any work: a folder that is missing, not a folder or holds no
// page is an error, never "checked 0 files".
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError } from '../../src/config.ts';
import { listPageFiles } from '../../src/lib/ontology/load.ts';

export const USAGE_ERROR = 2;

export interface CommandSpec<O extends NonNullable<ParseArgsConfig['options']>> {
  /** The command as users type it, e.g. `npm run check --`. */
  name: string;
  usage: string;
  /** What the command does and what each option means (printed by --help). */
  help: string;
  options: O;
  allowPositionals?: boolean;
}

/** Prints `name: message` and the usage, and exits with status 2. */
export function usageError(spec: { name: string; usage: string }, message: string): never {
  console.error(`${spec.name}: ${message}\nusage: ${spec.usage}`);
  process.exit(USAGE_ERROR);
}

/** Parses `argv` by `spec`; handles --help and every usage error itself. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(spec: CommandSpec<O>, argv = process.argv.slice(2)) {
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as const;
  // biome-ignore lint/suspicious/noImplicitAnyLet: TypeScript types it from the assignment in the try block (parseArgs's inferred result)
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: spec.allowPositionals ?? false, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node:util says "argument missing" or, when the next word starts with a dash, "argument is ambiguous".
    const missing = /^Option '(-[\w-]+)(?:, (--[\w-]+))?[^']*' argument (?:missing|is ambiguous)/.exec(message);
    usageError(spec, missing ? `${missing[2] ?? missing[1]} needs a value` : message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(`usage: ${spec.usage}\n\n${spec.help}`);
    process.exit(0);
  }
  for (const [key, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' && value.trim() === '') usageError(spec, `--${key} needs a value`);
  }
  return parsed;
}

/**
 * The content folder a command works on (`--content DIR`, else KB_CONTENT_DIR, else content/),
 * checked: it must exist, be a folder and hold at least one page file (`mayBeEmpty`: a command that
 * adds pages, such as new-term, may start an empty folder).
 */
export function contentFolder(spec: { name: string; usage: string }, resolve: () => string, options: { mayBeEmpty?: boolean } = {}): string {
  let dir: string;
  try {
    dir = resolve();
  } catch (error) {
    if (error instanceof ConfigError) usageError(spec, error.message);
    throw error;
  }
  const relative = path.relative(process.cwd(), dir);
  const shown = relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
  if (!existsSync(dir)) usageError(spec, `the content folder ${shown} does not exist`);
  if (!statSync(dir).isDirectory()) usageError(spec, `${shown} is not a folder`);
  if (!options.mayBeEmpty && listPageFiles(dir).length === 0) usageError(spec, `the content folder ${shown} holds no pages (.md, .markdown or .mdx files)`);
  return dir;
}

/** Runs `load` and turns a configuration error into a usage error. */
export function configured<T>(spec: { name: string; usage: string }, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) usageError(spec, error.message);
    throw error;
  }
}
