// Turns a non-HTML output file into searchable text: gunzips Pagefind data (and any gzip file), drops
// Pagefind's `pagefind_dcd` signature, pulls the strings out of JSON, and unescapes Turtle/JS string
// escapes and XML entities so a leaked sentence reads the same as in its source page.
import { gunzipSync } from 'node:zlib';

const PAGEFIND_SIGNATURE = 'pagefind_dcd';

export interface DecodedOutput {
  /** The file's raw text (after decompression), for exact marker search. */
  raw: string;
  /** Readable text for sentence matching. */
  prose: string;
  compressed: boolean;
}

function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out);
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function unescapeText(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\[nrtbf]/g, ' ')
    .replace(/\\(["'\\/])/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/<[^>]{0,200}>/g, ' '); // escaped HTML inside feeds and JSON
}

export function decodeOutput(file: string, bytes: Buffer): DecodedOutput {
  let data = bytes;
  let compressed = false;
  if (data.length > 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
      compressed = true;
    } catch {
      // not really gzip; scan as is
    }
  }
  let raw = data.toString('utf8');
  if (raw.startsWith(PAGEFIND_SIGNATURE)) raw = raw.slice(PAGEFIND_SIGNATURE.length);
  let prose: string;
  const trimmed = raw.trimStart();
  if (/\.(json|jsonld|webmanifest|pf_fragment|pf_meta)$/i.test(file) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const strings: string[] = [];
      jsonStrings(JSON.parse(raw), strings);
      prose = strings.map(unescapeText).join(' \n ');
    } catch {
      prose = unescapeText(raw);
    }
  } else {
    prose = unescapeText(raw);
  }
  return { raw, prose, compressed };
}
