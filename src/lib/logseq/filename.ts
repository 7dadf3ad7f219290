// Logseq file-name encoding: `A___B.md` and `A%2FB.md` both name the namespaced page `A/B`.

const EXTENSION = /\.(md|mdx|markdown)$/i;

/** Decodes a file's base name (no folders) into the Logseq page name it stands for. */
export function pageNameFromFile(baseName: string): string {
  let name = baseName.replace(EXTENSION, '');
  name = name.replace(/___/g, '/');
  if (name.includes('%')) {
    try {
      name = decodeURIComponent(name);
    } catch {
      name = name.replace(/%2F/gi, '/');
    }
  }
  return name.normalize('NFC').trim();
}

/** Encodes a page name as a Logseq file base name (`A/B` → `A___B.md`). */
export function fileNameForPage(name: string, extension = '.md'): string {
  return name.replace(/\//g, '___') + extension;
}
