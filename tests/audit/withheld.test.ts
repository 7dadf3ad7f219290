// Specification of the audit's content reader (src/lib/audit/withheld.ts): which pages count as
// withheld (the publication rule's answer, as for the build), which are skipped, and which sentences
// it collects from them.
import { afterEach, describe, expect, it } from 'vitest';
import { generateCorpus, renderCorpus } from '../../scripts/lib/corpus.ts';
import { readWithheldPages, sentencesOf } from '../../src/lib/audit/withheld.ts';
import { HIDDEN_PAGE, HIDDEN_SENTENCES, PUBLIC_PAGE, type TempSite, tempSite } from './fixtures.ts';

let site: TempSite;
afterEach(() => site?.remove());

describe('readWithheldPages', () => {
  it('treats pages without a public flag as withheld and collects their long sentences', () => {
    site = tempSite();
    site.write('content/Open Concept.md', PUBLIC_PAGE);
    site.write('content/Hidden Concept.md', HIDDEN_PAGE);
    const pages = readWithheldPages(site.content);
    expect(pages).toHaveLength(1);
    expect(pages[0].file).toBe('Hidden Concept.md');
    expect(pages[0].title).toBe('Hidden Concept');
    expect(pages[0].sentences).toContain(HIDDEN_SENTENCES.definition);
    expect(pages[0].sentences).toContain(HIDDEN_SENTENCES.body); // emphasis stripped
    expect(pages[0].sentences).not.toContain(HIDDEN_SENTENCES.short); // fewer than six words
    expect(pages[0].sentences.join(' ')).not.toMatch(/::|\[\[|\*\*|^- /);
  });

  it('recognises every spelling of "public"', () => {
    site = tempSite();
    const body = '\nThis sentence has more than six words in it.\n';
    site.write('content/a.md', `public:: true${body}`);
    site.write('content/b.md', `- OntologyBlock\n\t- public-access:: true${body}`);
    site.write('content/c.md', `---\npublic: true\n---\n${body}`);
    site.write('content/d.md', `---\npublic-access: true\n---\n${body}`);
    site.write('content/sub/e.md', `    - public-access::   true  ${body}`);
    // An .mdx guide is published only through its front matter: a property line is just text.
    site.write('content/sub/i.mdx', `    - public-access::   true  ${body}`);
    site.write('content/f.md', `public:: false${body}`);
    site.write('content/g.md', `---\npublic-access: false\n---\n${body}`);
    site.write('content/h.md', `---\ntitle: Front Hidden\n---\n${body}`);
    site.write('content/notes.txt', body);
    site.write('content/i2.md', `\`\`\`json-ld\n{ "@type": "Page", "vc:public": true }\n\`\`\`\n${body}`);
    site.write('content/j.md', `\`\`\`json-ld\n{ "@type": "Page", "vc:public": false }\n\`\`\`\n${body}`);
    site.write('content/k.md', `\`\`\`js\nconst x = { "vc:public": true };\n\`\`\`\n${body}`);
    const pages = readWithheldPages(site.content);
    expect(pages.map((p) => p.file)).toEqual(['f.md', 'g.md', 'h.md', 'j.md', 'k.md', 'sub/i.mdx']);
    expect(pages.find((p) => p.file === 'h.md')!.title).toBe('Front Hidden');
  });

  it('skips empty pages and pages that cannot be parsed', () => {
    site = tempSite();
    site.write('content/empty.md', '');
    site.write('content/blank.md', ' \n\t\n');
    site.write('content/binary.md', Buffer.from([0x2d, 0x20, 0xff, 0xfe, 0x00, 0xc3, 0x28]));
    site.write('content/bad-yaml.md', '---\nterm-id: "AI-1\nx: [y\n---\nSome body text that is long enough to count.\n');
    site.write('content/Name___Space.md', 'A withheld namespaced page with a long enough sentence.\n');
    const pages = readWithheldPages(site.content);
    expect(pages).toEqual([{ file: 'Name___Space.md', title: 'Name/Space', sentences: ['A withheld namespaced page with a long enough sentence.'] }]);
  });

  it('drops sentences that a public page also contains', () => {
    site = tempSite();
    const shared = 'This boilerplate sentence appears on many different pages.';
    site.write('content/pub.md', `public:: true\n- ${shared}\n`);
    site.write('content/priv.md', `- ${shared}\n- Only the private page says these exact seven words.\n`);
    expect(readWithheldPages(site.content)[0].sentences).toEqual(['Only the private page says these exact seven words.']);
  });

  it('finds exactly the private pages of a generated corpus, with their markers in the text', () => {
    site = tempSite();
    const manifest = generateCorpus({ pages: 300, seed: 9, out: site.root, defects: true });
    const pages = readWithheldPages(`${site.root}/pages`);
    expect(pages.map((p) => p.file).sort()).toEqual(manifest.private.map((p) => p.file).sort());
    for (const p of pages) {
      expect(p.title).toBe(manifest.private.find((q) => q.file === p.file)!.title);
      expect(p.sentences.length).toBeGreaterThan(5);
    }
    expect(renderCorpus({ pages: 300, seed: 9 }).manifest.private.length).toBe(pages.length);
  });
});

describe('sentencesOf', () => {
  it('splits on sentence ends and keeps sentences of at least six words', () => {
    expect(sentencesOf('Short one. This one has exactly six words. And e.g. this keeps going on for a while!')).toEqual([
      'This one has exactly six words.',
      'And e.g. this keeps going on for a while!',
    ]);
  });
});
