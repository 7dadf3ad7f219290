// Specification of the page renderer: outline → document rules, GFM, math, wikilinks, tags, demos,
// sanitising. Output is checked by parsing the HTML (parse5), not by matching strings where structure matters.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { escapeStrayDollars } from '../../src/lib/render/dollars.ts';
import { type RenderContext, renderBlocks, renderInline } from '../../src/lib/render/pipeline.ts';
import { attr, type Element, elements } from '../helpers/html.ts';

const tags = (html: string) => elements(html).map((e) => e.tagName);

const PAGES: Record<string, string> = {
  'target.md':
    '- ### OntologyBlock\n\t- term-id:: AI-0001\n\t- preferred-term:: Target Concept\n\t- public-access:: true\n\t- definition:: A target concept for links. It has two sentences.\n',
  'secret.md': '- ### OntologyBlock\n\t- term-id:: AI-0002\n\t- preferred-term:: Secret Concept\n\t- public-access:: false\n',
  'tagged.md': '- ### OntologyBlock\n\t- term-id:: AI-0003\n\t- preferred-term:: Tagged\n\t- public-access:: true\n- about #weights\n',
};

function setup(body: string): { ctx: RenderContext; render: () => ReturnType<typeof renderBlocks> } {
  const page = readPage(`- ### OntologyBlock\n\t- term-id:: AI-0100\n\t- preferred-term:: Page\n\t- public-access:: true\n${body}`, 'page.md');
  const build = graphFromPages([...Object.entries(PAGES).map(([f, t]) => readPage(t, f)), page], { publishAll: false, domains: defaultDomains });
  const ctx = makeRenderContext(build);
  const record = build.records.find((r) => r.page.file === 'page.md');
  if (!record) throw new Error('fixture missing');
  return { ctx, render: () => renderBlocks(record.body, 'page.md', ctx, 'Page') };
}
const render = (body: string) => setup(body).render();

describe('outline → document', () => {
  it('turns heading bullets into headings and their children into lists', () => {
    const r = render('- ## Section\n\t- one\n\t- two\n');
    expect(tags(r.html)).toEqual(['h2', 'ul', 'li', 'li']);
    expect(r.headings).toEqual([{ depth: 2, slug: 'section', text: 'Section' }]);
  });

  it('turns runs of long single-level bullets into paragraphs', () => {
    const long =
      'This sentence is long enough to read as a paragraph rather than a list item, as readers of a reference work expect. It carries on with a second sentence.';
    const r = render(`- ${long}\n- ${long}\n`);
    expect(tags(r.html)).toEqual(['p', 'p']);
  });

  it('renders collapsed blocks as <details> and never shows block properties', () => {
    const r = render('- Hidden part\n  collapsed:: true\n  id:: abc\n\t- inner\n');
    expect(tags(r.html)).toEqual(['details', 'summary', 'ul', 'li']);
    expect(r.html).not.toMatch(/collapsed::|abc/);
  });

  it('does not dump the ontology block and drops headings left empty by property-only sections', () => {
    const r = render('### Relationships\n- is-subclass-of:: [[Target Concept]]\n## Body\n- text\n');
    expect(r.html).not.toMatch(/OntologyBlock|term-id|Relationships/);
    expect(r.headings.map((h) => h.text)).toEqual(['Body']);
  });

  it('keeps the heading outline in order: starts at h2 and never skips a level', () => {
    const r = render('#### Deep\n- a\n## Top\n#### Skip\n- b\n');
    expect(r.headings.map((h) => h.depth)).toEqual([2, 2, 3]);
  });
});

describe('GFM, code and math', () => {
  it('renders tables, strikethrough, task lists, autolinks and footnotes', () => {
    const r = render('- | a | b |\n  | --- | --- |\n  | 1 | 2 |\n- ~~old~~ and https://example.org\n* [ ] todo\n\nA note[^1].\n\n[^1]: The footnote.\n');
    const t = tags(r.html);
    for (const tag of ['table', 'del', 'input', 'section']) expect(t).toContain(tag);
    const autolink = elements(r.html).find((e) => e.tagName === 'a' && attr(e, 'href') === 'https://example.org');
    expect(autolink).toBeDefined();
    const footRef = elements(r.html).find((e) => e.tagName === 'a' && attr(e, 'data-footnote-ref') !== undefined);
    const target = attr(footRef as Element, 'href')?.slice(1);
    expect(elements(r.html).some((e) => attr(e, 'id') === target)).toBe(true);
  });

  it('highlights code with the fence language', () => {
    const r = render('- ```python\n  w = w - lr * grad\n  ```\n');
    const code = elements(r.html).find((e) => e.tagName === 'code');
    expect(code && attr(code, 'class')).toBe('hljs language-python');
  });

  it('leaves code without a known language unhighlighted', () => {
    const r = render('- ```\n  plain\n  ```\n- ```no-such-language\n  x = 1\n  ```\n- ```nohighlight\n  y\n  ```\n');
    const codes = elements(r.html).filter((e) => e.tagName === 'code');
    expect(codes.map((c) => attr(c, 'class'))).toEqual([undefined, 'hljs language-no-such-language', 'hljs language-nohighlight']);
    expect(elements(r.html).some((e) => (attr(e, 'class') ?? '').startsWith('hljs-'))).toBe(false);
  });

  it('parses a page in one pass but keeps each block a document of its own, with its own lines', () => {
    // A fence left open in one block must not swallow the next; a diagnostic names the right line.
    const r = render('- first\n- ```python\n  open = True\n- after the fence $\\frac{1}{$ x\n');
    expect(tags(r.html)).toEqual(expect.arrayContaining(['pre', 'code']));
    expect(r.html).toContain('after the fence');
    expect(r.html).toMatch(/<pre tabindex="0"><code class="hljs language-python">.*open.*True.*\n?<\/code><\/pre>\n<ul>\n<li>after the fence/);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-math', 8]]);
    // Without an open fence, block lines are kept too.
    const ok = render('- a\n- b\n- broken $\\frac{1}{$ formula\n');
    expect(ok.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-math', 7]]);
  });

  it('resolves a footnote whose definition is in another block of the page', () => {
    const r = render('- A claim[^src].\n- [^src]: The source.\n');
    const ref = elements(r.html).find((e) => e.tagName === 'a' && attr(e, 'data-footnote-ref') !== undefined);
    expect(ref).toBeDefined();
  });

  it('links URL literals in text but not inside links or code', () => {
    const r = render('- see www.example.org or mail a@example.org\n- [https://x.org](https://y.org) and `https://z.org`\n');
    const hrefs = elements(r.html)
      .filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href'));
    expect(hrefs).toEqual(['http://www.example.org', 'mailto:a@example.org', 'https://y.org']);
  });

  it('typesets $…$ and $$…$$ with KaTeX', () => {
    const r = render('- inline $w_{t+1} = w_t - \\eta \\nabla L$ here\n- $$\\hat{y} = \\sigma(wx + b)$$\n');
    expect(elements(r.html).filter((e) => attr(e, 'class') === 'katex').length).toBe(2);
    expect(elements(r.html).filter((e) => attr(e, 'class') === 'katex-display').length).toBe(1);
    expect(r.hasMath).toBe(true);
  });

  it('leaves prices alone', () => {
    expect(escapeStrayDollars('Costs $500-$2K a month')).toBe('Costs \\$500-\\$2K a month');
    const r = render('- Costs $500-$2K a month, or $5 and $10.\n');
    expect(r.html).toContain('$500-$2K');
    expect(r.hasMath).toBe(false);
  });

  it('shows invalid LaTeX as source with an error style and reports it', () => {
    const r = render('- broken $\\frac{1}{$ formula\n');
    const err = elements(r.html).find((e) => (attr(e, 'class') ?? '').includes('katex-error'));
    expect(err).toBeDefined();
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-math', 5]]);
  });
});

describe('links and tags', () => {
  it('links resolved wikilinks, naming the target for the hover preview and without a title tooltip', () => {
    const r = render('- see [[TargetConcept]] now\n');
    const a = elements(r.html).find((e) => e.tagName === 'a');
    expect(a && attr(a, 'href')).toBe('/concepts/target-concept/');
    expect(a && attr(a, 'title')).toBeUndefined();
    expect(a && attr(a, 'data-preview')).toBe('target-concept');
  });

  it('renders unresolved links as styled text and withheld ones as plain text', () => {
    const r = render('- [[Nowhere]] and [[Secret Concept]]\n');
    const span = elements(r.html).find((e) => e.tagName === 'span');
    expect(span && attr(span, 'class')).toBe('wikilink wikilink--missing');
    expect(elements(r.html).some((e) => e.tagName === 'a')).toBe(false);
    expect(r.html).toContain('Secret Concept');
  });

  it('links #tags and #[[tags]] to tag pages', () => {
    const r = render('- about #weights and #[[weights]] and #Model-Weights, not C#\n');
    const links = elements(r.html)
      .filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href'));
    expect(links).toEqual(['/tags/weights/', '/tags/weights/', '/tags/model-weights/']);
  });

  it('resolves relative page links and unlinks local URLs that lead nowhere', () => {
    const r = render(
      '- [a](Target%20Concept.md), [b](./Nowhere.md), [c](/concepts/target-concept/), [d](/concepts/gone/), ![pic](assets/x.png), ![web](https://example.org/x.png)\n',
    );
    const hrefs = elements(r.html)
      .filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href'));
    expect(hrefs).toEqual(['/concepts/target-concept/', '/concepts/target-concept/']);
    expect(
      elements(r.html)
        .filter((e) => e.tagName === 'img')
        .map((e) => attr(e, 'src')),
    ).toEqual(['https://example.org/x.png']);
    expect(r.html).toContain('[image: pic]');
    expect(r.diagnostics.map((d) => [d.code, d.target])).toEqual([
      ['broken-link', './Nowhere.md'],
      ['broken-link', '/concepts/gone/'],
      ['broken-link', 'assets/x.png'],
    ]);
  });

  it('links [[Target|label]] and [label]([[Target]]) to Target, showing the label', () => {
    const r = render('- [[Target Concept|the target]], [short]([[TargetConcept]]), [two words]([[Target Concept]]) and [[Nowhere|lost]]\n');
    const links = elements(r.html).filter((e) => e.tagName === 'a');
    expect(links.map((a) => [attr(a, 'href'), a.childNodes.map((n) => ('value' in n ? n.value : '')).join('')])).toEqual([
      ['/concepts/target-concept/', 'the target'],
      ['/concepts/target-concept/', 'short'],
      ['/concepts/target-concept/', 'two words'],
    ]);
    expect(r.html).toContain('<span class="wikilink wikilink--missing">lost</span>');
    expect(r.html).not.toMatch(/\||\[\[|\]\]/);
    expect(r.diagnostics).toEqual([]);
  });

  it('links a tag written in any case to the one tag page', () => {
    const r = render('- #WEIGHTS and #[[Weights]]\n');
    expect(
      elements(r.html)
        .filter((e) => e.tagName === 'a')
        .map((e) => attr(e, 'href')),
    ).toEqual(['/tags/weights/', '/tags/weights/']);
  });

  it('leaves [[links]] in code alone', () => {
    const r = render('- `[[Target Concept]]` in code\n');
    expect(elements(r.html).some((e) => e.tagName === 'a')).toBe(false);
  });
});

describe('demos', () => {
  it('embeds a known demo with its static fallback, and reports unknown ones', () => {
    const r = render('- {{demo neuron activation=tanh}}\n- {{demo nope}}\n');
    const demo = elements(r.html).find((e) => attr(e, 'class') === 'kb-demo');
    expect(demo && attr(demo, 'data-demo')).toBe('neuron');
    expect(JSON.parse((demo && attr(demo, 'data-params')) ?? '{}')).toEqual({ activation: 'tanh' });
    expect(elements(r.html).some((e) => e.tagName === 'svg')).toBe(true);
    expect(r.demos).toEqual(['neuron']);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.target])).toEqual([['unknown-demo', 6, 'nope']]);
  });
});

describe('sanitising: editors’ Markdown is data, not code', () => {
  const payloads = [
    '<script>alert("xss")</script>',
    '<img src=x onerror=alert(1)>',
    '[click me](javascript:alert(1))',
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">link</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="x"></object><embed src="x">',
    '[d](data:text/html;base64,PHNjcmlwdD4=)',
  ];
  it.each(payloads)('neutralises %s', (payload) => {
    const r = render(`- Injected: ${payload}\n`);
    for (const e of elements(r.html)) {
      expect(['script', 'iframe', 'object', 'embed']).not.toContain(e.tagName);
      for (const a of e.attrs) {
        expect(a.name.startsWith('on')).toBe(false);
        expect(a.value).not.toMatch(/^\s*(javascript|data):/i);
      }
    }
  });

  it('sanitises definitions rendered inline', () => {
    const { ctx } = setup('');
    const r = renderInline('A <script>alert(1)</script> definition with [[Target Concept]].', 1, 'page.md', ctx);
    expect(tags(r.html)).toEqual(['a']);
    expect(r.html).not.toContain('<p>');
  });
});

describe('inline fragments (definitions)', () => {
  it('renders a one-paragraph fragment without a <p> and without line breaks between its parts', () => {
    const { ctx } = setup('');
    const r = renderInline('Scales $w_1$ by **two**, see [[Target Concept]].', 1, 'page.md', ctx);
    expect(tags(r.html)[0]).not.toBe('p');
    expect(r.html).not.toMatch(/\n/);
    expect(r.text).toBe('Scales w₁ by two, see Target Concept.');
  });

  it('put no space around inline markup, code or formulas', () => {
    const { ctx } = setup('');
    expect(renderInline('a *b*, c', 1, 'page.md', ctx).html).toBe('a <em>b</em>, c');
    expect(renderInline('see `code`.', 1, 'page.md', ctx).html).toBe('see <code>code</code>.');
    const math = renderInline('as in $y = b$.', 1, 'page.md', ctx);
    expect(math.html).toMatch(/^as in <span class="katex">.*<\/span>\.$/s);
    expect(math.text).toBe('as in y = b.');
    expect(tags(renderInline('one\n\ntwo', 1, 'page.md', ctx).html)).toEqual(['p', 'p']);
  });
});
