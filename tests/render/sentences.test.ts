// Specification of sentences cut from the rendered tree: a definition's first sentence (summaries, meta
// descriptions, previews, RDF) and the sentence around each link (what "Referenced by" quotes). Both
// keep formulas whole (as TeX in plain text, typeset in HTML), keep `<` and `>` and `|`, and never
// split at an abbreviation or inside a formula.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { renderBlocks, renderInline } from '../../src/lib/render/pipeline.ts';
import { MAX_CONTEXT, sentenceEnds } from '../../src/lib/render/sentences.ts';
import { attr, elements } from '../helpers/html.ts';

const concept = (file: string, title: string, id: string) =>
  [
    file,
    `- ### OntologyBlock\n\t- term-id:: ${id}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a test concept.\n`,
  ] as const;
const PAGES = [concept('target.md', 'Target', 'AI-0001'), concept('other.md', 'Other', 'AI-0002'), concept('third.md', 'Third', 'AI-0003')];

function renderPage(body: string) {
  const page = readPage(`- ### OntologyBlock\n\t- term-id:: AI-0100\n\t- preferred-term:: Page\n\t- public-access:: true\n${body}`, 'page.md');
  const build = graphFromPages([...PAGES.map(([f, t]) => readPage(t, f)), page], { publishAll: false, domains: defaultDomains });
  const ctx = makeRenderContext(build);
  const record = build.records.find((r) => r.page.file === 'page.md');
  if (!record) throw new Error('fixture missing');
  return { body: renderBlocks(record.body, 'page.md', ctx, 'Page'), inline: (md: string) => renderInline(md, 1, 'page.md', ctx) };
}

const quotes = (body: string, href = '/concepts/target/') => renderPage(body).body.links.filter((l) => l.href === href);
type Html = ReturnType<typeof elements>[number];
const nodeText = (n: Html | Html['childNodes'][number]): string => ('value' in n ? n.value : 'childNodes' in n ? n.childNodes.map(nodeText).join('') : '');
const textOf = (html: string) => nodeText(elements(`<div>${html}</div>`)[0]);

describe('first sentence (summaries)', () => {
  const summary = (md: string) => renderPage('').inline(md).summary;

  it('reads formulas as the text KaTeX gives and keeps comparison signs, bars and subscripts', () => {
    expect(summary('A weight with $|w| < 0.5$ and the loss > 0 is kept. The rest is pruned.')).toBe('A weight with ∣w∣ < 0.5 and the loss > 0 is kept.');
    const gradient = summary('The gradient $\\partial J / \\partial w_1$ points uphill. It is computed by backpropagation.');
    expect(gradient).toMatch(/^The gradient ∂J\s?\/\s?∂w₁ points uphill\.$/);
  });

  it('does not end a sentence at an abbreviation, an initial, a decimal point or inside a formula', () => {
    expect(summary('Weights, e.g. those of a layer, are learned (cf. biases). Second sentence.')).toBe(
      'Weights, e.g. those of a layer, are learned (cf. biases).',
    );
    expect(summary('Named after J. Smith, the rule uses $x. Y$ and 0.5 as a step. Next.')).toBe('Named after J. Smith, the rule uses x.Y and 0.5 as a step.');
  });

  it('keeps link text and drops markup, and cuts a long sentence at a word with an ellipsis', () => {
    expect(summary('A **bold** claim about [[Other]] and `code`. More.')).toBe('A bold claim about Other and code.');
    const long = summary(`${'word '.repeat(80)}end.`);
    expect(long.length).toBeLessThanOrEqual(240);
    expect(long).toMatch(/word…$/);
  });

  it('reads the first paragraph when the definition has several blocks', () => {
    expect(summary('First paragraph here. Its second sentence.\n\nSecond paragraph.')).toBe('First paragraph here.');
  });
});

describe('sentence ends', () => {
  it('end at . ! ? before a capital, a digit or the end, with closing quotes', () => {
    const flat = 'One. Two! "Three?" four. 5 is next.';
    expect(sentenceEnds(flat).map((k) => flat.slice(0, k))).toEqual(['One.', 'One. Two!', 'One. Two! "Three?" four.', flat]);
  });
});

describe('sentences around links (backlinks)', () => {
  it('quotes only the sentence with the link, keeping other links and typeset formulas', () => {
    const [q, ...rest] = quotes('- First sentence. Each [[Target]] scales $w_1 x_1$ by [[Other]]. Last sentence.\n');
    expect(rest).toEqual([]);
    expect(textOf(q.html)).toMatch(/^Each Target scales .* by Other\.$/);
    const els = elements(q.html);
    // The quoted page's own link is bold text; the other link stays a previewable link.
    expect(els.filter((e) => e.tagName === 'strong').map(nodeText)).toEqual(['Target']);
    expect(els.filter((e) => e.tagName === 'a').map((e) => [attr(e, 'href'), attr(e, 'data-preview')])).toEqual([['/concepts/other/', 'other']]);
    expect(els.some((e) => (attr(e, 'class') ?? '').split(' ').includes('katex'))).toBe(true);
    expect(q.hasMath).toBe(true);
    expect(q.html).not.toContain('$');
  });

  it('keeps `<`, `>` and bars in the quoted text', () => {
    const [q] = quotes('- A [[Target]] with |w| < 0.5 and the loss > 0 is pruned.\n');
    expect(textOf(q.html)).toBe('A Target with |w| < 0.5 and the loss > 0 is pruned.');
  });

  it('quotes a table row as its cells, not as Markdown pipes', () => {
    const [q] = quotes('- | Method | Learned |\n  | --- | --- |\n  | [[Target]] | $\\gamma$, $\\beta$ |\n');
    expect(textOf(q.html)).toMatch(/^Target · .+/);
    expect(q.html).not.toContain('|');
    expect(q.hasMath).toBe(true);
  });

  it('marks a quote that continues a sentence begun above a display formula', () => {
    const [q] = quotes('\nWith $N$ examples one epoch is\n\n$$\n\\frac{N}{B}\n$$\n\nupdates of the [[Target]]. More follows.\n');
    expect(textOf(q.html)).toBe('… updates of the Target.');
    // A list item or a table cell may start in lower case on its own.
    expect(textOf(quotes('- updates of the [[Target]] happen often.\n')[0].html)).toBe('updates of the Target happen often.');
  });

  it('quotes a list item without its nested list', () => {
    const [q] = quotes('- Parent item about [[Target]].\n\t- Child item about something else.\n');
    expect(textOf(q.html)).toBe('Parent item about Target.');
  });

  it('cuts a very long sentence around the link, at words, with ellipses', () => {
    const [q] = quotes(`- ${'lorem ipsum '.repeat(40)}[[Target]] ${'dolor sit '.repeat(40)}end.\n`);
    const text = textOf(q.html);
    expect(text.length).toBeLessThanOrEqual(MAX_CONTEXT + 4);
    expect(text).toMatch(/^… (lorem|ipsum) .*Target .* (dolor|sit) …$/);
  });

  it('drops footnote calls and ids, and quotes each distinct sentence once, at most three per page', () => {
    const [q] = quotes('- A [[Target]] claim.[^1]\n- [^1]: The source.\n');
    expect(elements(q.html).some((e) => attr(e, 'id') !== undefined || e.tagName === 'sup')).toBe(false);
    const many = quotes('- Same [[Target]] line.\n- Same [[Target]] line.\n- Two [[Target]].\n- Three [[Target]].\n- Four [[Target]].\n');
    expect(many.map((m) => textOf(m.html))).toEqual(['Same Target line.', 'Two Target.', 'Three Target.']);
  });

  it('names only published pages', () => {
    expect(renderPage('- A [[Nowhere]] link and [a site](https://example.org/).\n').body.links).toEqual([]);
  });
});
