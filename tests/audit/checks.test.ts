// Specification of the site audit (src/lib/audit): each check finds exactly what is planted in a
// small fake dist, and a clean site passes.
import { afterEach, describe, expect, it } from 'vitest';
import { type Finding, runAudit } from '../../src/lib/audit/index.ts';
import { HIDDEN_PAGE, HIDDEN_SENTENCES, PUBLIC_PAGE, pagefindFile, type TempSite, tempSite } from './fixtures.ts';

let site: TempSite;
afterEach(() => site?.remove());

const MARKER = 'zzsecret0badc0ffee';

/** A small site with nothing wrong in it. */
function cleanSite(): TempSite {
  const s = tempSite();
  s.write('content/Open Concept.md', PUBLIC_PAGE);
  s.write('content/Hidden Concept.md', HIDDEN_PAGE);
  s.write('manifest.json', JSON.stringify({ private: [{ file: 'Hidden Concept.md', title: 'Hidden Concept', marker: MARKER }] }));
  s.page(
    'index.html',
    `<header id="top-bar"><a href="/">Home</a> <a href="/concepts/open-concept/">Open Concept</a> <a href="/about">About</a></header>
<main><p>Welcome. <a href="#intro">Jump</a></p><h2 id="intro">Intro</h2><a href="mailto:kb@example.org">mail</a> <a href="https://example.org/x#y">ext</a> <a href="//cdn.example.org/a.js">cdn</a></main>`,
    { title: 'Home' },
  );
  s.page(
    'about.html',
    '<p>About this glossary. <a href="concepts/open-concept/#definition">Definition</a> <a href="#">top</a></p><script data-kb-site>window.kb = 1;</script>',
    { title: 'About' },
  );
  s.page(
    'concepts/open-concept/index.html',
    `<article data-term-id="AI-0001" id="main">
  <h1 id="definition">Open Concept</h1>
  <p>Open Concept is the published idea that every reader may study freely.</p>
  <p>It links to Hidden Concept without saying anything about it.</p>
  <a href="../../">Up</a> <a href="../../about#top">About</a> <a href="/concepts/open-concept/?v=2#main">Self</a> <a name="legacy"></a><a href="#legacy">legacy</a>
  <img src="/img/graph%20view.svg" alt="graph"> <a href="/graph.json">graph</a>
</article>`,
    { title: 'Open Concept', head: '<script type="application/ld+json">{"@id":"AI-0001","name":"Open Concept"}</script>' },
  );
  s.write('dist/img/graph view.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  s.write(
    'dist/graph.json',
    JSON.stringify({ nodes: [{ id: 'AI-0001', title: 'Open Concept', definition: 'Open Concept is the published idea that every reader may study freely.' }] }),
  );
  s.write(
    'dist/graph.ttl',
    '<https://kb.example/AI-0001> <http://www.w3.org/2004/02/skos/core#definition> "Open Concept is the published idea that every reader may study freely."@en .\n',
  );
  s.write('dist/sitemap-0.xml', '<?xml version="1.0"?><urlset><url><loc>https://kb.example/concepts/open-concept/</loc></url></urlset>');
  s.write(
    'dist/pagefind/fragment/en_1a2b.pf_fragment',
    pagefindFile(
      JSON.stringify({
        url: '/concepts/open-concept/',
        content: 'Open Concept is the published idea. It links to Hidden Concept.',
        meta: { title: 'Open Concept' },
      }),
    ),
  );
  s.write('dist/pagefind/index/en_3c4d.pf_index', pagefindFile(Buffer.from([0xa2, 0x64, 0x6f, 0x70, 0x65, 0x6e, 0x00, 0x01])));
  s.write('dist/pagefind/pagefind-entry.json', JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', page_count: 3 } } }));
  return s;
}

const audit = (s: TempSite, base?: string) => runAudit({ dist: s.dist, contentDir: s.content, manifestFile: `${s.root}/manifest.json`, base });
const summary = (findings: Finding[]): string[] => findings.map((f) => `${f.check} ${f.file}${f.line ? `:${f.line}` : ''}`);

describe('a clean site', () => {
  it('passes every check', () => {
    site = cleanSite();
    const report = audit(site);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ htmlPages: 3, withheldPages: 1, markers: 1, counts: { leak: 0, 'injected-script': 0, 'dead-link': 0, malformed: 0 } });
  });
});

describe('check 1: leaks', () => {
  it('finds withheld sentences and private markers in HTML, exports, feeds and Pagefind data', () => {
    site = cleanSite();
    const { definition, body } = HIDDEN_SENTENCES;
    // Split by markup and written with an entity: still the same sentence to a reader.
    site.page(
      'leaky/index.html',
      `<p>Intro.</p>\n<p>The hidden technique rescales every third <a href="/">attention</a> head before the final layer&nbsp;norm.</p>`,
    );
    site.page('marker.html', `<p data-note="${MARKER.toUpperCase()}">ok</p>`);
    site.write('dist/export.jsonld', JSON.stringify({ '@graph': [{ definition: `Note:\n${definition}` }] }));
    site.write('dist/concepts.ttl', `<x> <y> "${definition.replace(/"/g, '\\"')}" .\n`);
    site.write('dist/rss.xml', `<rss><channel><item><description>&lt;p&gt;${body}&lt;/p&gt;</description></item></channel></rss>`);
    site.write('dist/pagefind/fragment/en_ffff.pf_fragment', pagefindFile(JSON.stringify({ url: '/x/', content: `Something. ${definition}` })));
    site.write('dist/pagefind/index/en_eeee.pf_index', pagefindFile(Buffer.concat([Buffer.from([0xa1, 0x70]), Buffer.from(MARKER), Buffer.from([0x00])])));
    // Not leaks: the title as link text, a short sentence, and part of a longer public sentence.
    site.page(
      'fine.html',
      `<p><a href="/">Hidden Concept</a>. ${HIDDEN_SENTENCES.short} A blog post quoting how Hidden Concept is an internal technique that only the research team may read.</p>`,
      { title: 'Fine' },
    );
    const leaks = audit(site).findings.filter((f) => f.check === 'leak');
    expect(summary(leaks)).toEqual([
      'leak concepts.ttl',
      'leak export.jsonld',
      'leak leaky/index.html:6',
      'leak marker.html:5',
      'leak pagefind/fragment/en_ffff.pf_fragment',
      'leak pagefind/index/en_eeee.pf_index',
      'leak rss.xml',
    ]);
    expect(leaks.find((f) => f.file === 'marker.html')!.message).toContain(MARKER);
    expect(leaks.find((f) => f.file === 'leaky/index.html')!.message).toContain('Hidden Concept');
  });
});

describe('check 2: injected script', () => {
  it('reports foreign scripts, event handlers, script URLs and embedding elements', () => {
    site = cleanSite();
    site.page(
      'xss.html',
      [
        '<script>alert(1)</script>',
        '<img src="/img/graph%20view.svg" onerror="alert(2)">',
        '<a href="javascript:alert(3)">a</a>',
        '<a href=" JaVa&#x09;script:alert(4)">b</a>',
        '<svg onload="alert(5)"><a xlink:href="javascript:alert(6)">c</a></svg>',
        '<iframe src="javascript:alert(7)"></iframe>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>',
        '<form action="javascript:alert(9)"><button formaction="javascript:alert(10)">go</button></form>',
        '<object data="x.swf"></object><embed src="/_astro/app.js">',
        '<script src="https://evil.example/x.js"></script>',
        '<script type="module">import("/x")</script>',
        '<script type="module" src="/elsewhere/app.js"></script>',
        '<template><script>alert(13)</script></template>',
        '<script type="application/ld+json">{"ok": true}</script><script data-kb-site>/* ours */</script>',
      ].join('\n'),
      { title: 'XSS' },
    );
    const found = audit(site).findings.filter((f) => f.check === 'injected-script');
    const byLine = found.map((f) => [f.line, f.message.split(/[ :=]/)[0]]);
    expect(byLine).toEqual([
      [5, 'script'],
      [6, 'event-handler'],
      [7, 'href'],
      [8, 'href'],
      [9, 'event-handler'],
      [9, 'xlink'],
      [10, 'src'],
      [10, '<iframe>'],
      [11, 'href'],
      [12, 'action'],
      [12, 'formaction'],
      [13, '<object>'],
      [13, '<embed>'],
      [14, 'script'],
      [15, 'script'],
      [16, 'script'],
      [17, 'script'],
    ]);
    expect(found.every((f) => f.file === 'xss.html')).toBe(true);
  });
});

describe('check 3: dead links', () => {
  it('reports missing files and missing fragments, and ignores external URLs', () => {
    site = cleanSite();
    site.page(
      'links/index.html',
      [
        '<a href="/concepts/open-concept/">ok dir</a> <a href="/about">ok .html</a> <a href="/concepts/open-concept">ok index</a>',
        '<a href="/concepts/missing/">missing dir</a>',
        '<a href="/about.htm">missing file</a>',
        '<a href="../concepts/open-concept/#definition">ok relative</a> <a href="nope.html">missing relative</a>',
        '<a href="#here">ok same page</a> <span id="here"></span> <a href="#nowhere">missing id</a>',
        '<a href="/concepts/open-concept/#no-such-id">missing id elsewhere</a>',
        '<img src="/img/missing.png" alt="x"> <link rel="stylesheet" href="/_astro/missing.css">',
        '<a href="https://example.org/gone">ext</a> <a href="mailto:x@example.org">mail</a> <a href="tel:123">tel</a>',
        '<a href="/graph.json#frag">non-HTML target</a> <a href="../../../../etc/passwd">above root</a>',
      ].join('\n'),
      { title: 'Links' },
    );
    const dead = audit(site).findings.filter((f) => f.check === 'dead-link');
    expect(dead.map((f) => `${f.line} ${f.message}`)).toEqual([
      '6 href="/concepts/missing/" on <a>: no such file',
      '7 href="/about.htm" on <a>: no such file',
      '8 href="nope.html" on <a>: no such file',
      '9 href="#nowhere" on <a>: no id "nowhere" in this page',
      '10 href="/concepts/open-concept/#no-such-id" on <a>: no id "no-such-id" in concepts/open-concept/index.html',
      '11 src="/img/missing.png" on <img>: no such file',
      '11 href="/_astro/missing.css" on <link>: no such file',
      '13 href="../../../../etc/passwd" on <a>: points above the site root',
    ]);
  });

  it('honours a site base', () => {
    site = tempSite();
    site.page('index.html', '<a href="/kb/">home</a> <a href="/kb/x/#a">x</a> <a href="/kb">bare</a> <a href="/x/">outside</a>', { title: 'Home' });
    site.page('x/index.html', '<h1 id="a">X</h1>', { title: 'X', head: '' });
    const report = runAudit({ dist: site.dist, base: '/kb/' });
    expect(report.findings.map((f) => `${f.check} ${f.file}:${f.line} ${f.message}`)).toEqual([
      // With a base, the site's own assets live under it too: /_astro/ is outside the site.
      'injected-script index.html:3 script not emitted by the site: <script type="module" src="/_astro/app.js">',
      'injected-script x/index.html:3 script not emitted by the site: <script type="module" src="/_astro/app.js">',
      'dead-link index.html:3 src="/_astro/app.js" on <script>: outside the site base /kb/',
      'dead-link index.html:5 href="/x/" on <a>: outside the site base /kb/',
      'dead-link x/index.html:3 src="/_astro/app.js" on <script>: outside the site base /kb/',
    ]);
    site.page('y/index.html', '<script type="module" src="/kb/_astro/app.js"></script><a href="/kb/y">self</a>', { title: 'Y', head: '' });
    expect(
      runAudit({ dist: site.dist, base: '/kb' })
        .findings.filter((f) => f.file === 'y/index.html')
        .map((f) => f.message),
    ).toEqual(['script not emitted by the site: <script type="module" src="/_astro/app.js">', 'src="/_astro/app.js" on <script>: outside the site base /kb/']);
  });
});

describe('check 4: malformed pages', () => {
  it('reports a missing doctype, missing or empty titles, duplicate ids and serious parse errors', () => {
    site = cleanSite();
    site.write('dist/no-doctype.html', '<html><head><title>T</title></head><body>x</body></html>');
    site.write('dist/no-title.html', '<!DOCTYPE html><html><head></head><body><svg><title>icon</title></svg></body></html>');
    site.write('dist/empty-title.html', '<!doctype html><html><head><title>  </title></head><body>x</body></html>');
    site.page('dup-ids.html', '<h2 id="a">A</h2>\n<h2 id="a">again</h2>\n<p id="b">fine</p>', { title: 'Dup' });
    site.page('parse-error.html', '<p class="a" class="b">x</p>\n<div/>\n<p>fish &amp chips</p>', { title: 'Errors' });
    const bad = audit(site).findings.filter((f) => f.check === 'malformed');
    expect(bad.map((f) => `${f.file}${f.line ? `:${f.line}` : ''} ${f.message}`)).toEqual([
      'dup-ids.html:6 duplicate id="a" (lines 5, 6)',
      'empty-title.html empty <title>',
      'no-doctype.html:1 missing <!DOCTYPE html>',
      'no-title.html no <title> element',
      'parse-error.html:5 HTML parse error: duplicate-attribute (column 19)',
      'parse-error.html:6 HTML parse error: non-void-html-element-start-tag-with-trailing-solidus (column 1)',
    ]);
  });
});
