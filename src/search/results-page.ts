// The full results page (/search/?q=…&domain=…&status=…&branch=…): the query and filters come from
// the URL and go back into it as the reader changes them (so a results page can be bookmarked,
// shared and reached from the header's Enter or "All results"); every result can be reached, a page
// at a time ("Show more results"); near misses get "Did you mean …?" links. The markup is
// src/pages/search/index.astro; the engine is shared with the header box (engine.ts).
import { type ResultRow, SearchEngine, type SearchRun } from './engine.ts';
import { FILTERS, type FilterName, resultsUrl } from './params.ts';
import { el, resultParts, suggestionLine } from './result-view.ts';
import type { PagefindFilterSelection } from './types.ts';

const PAGE = 20;
const DEBOUNCE_MS = 200;

export function initResultsPage(root: HTMLElement): void {
  const q = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`results page: missing ${selector}`);
    return found;
  };
  const form = q<HTMLFormElement>('form');
  const input = q<HTMLInputElement>('input[name="q"]');
  const status = q<HTMLElement>('[data-kb-status]');
  const suggestSlot = q<HTMLElement>('[data-kb-suggest]');
  const list = q<HTMLOListElement>('[data-kb-list]');
  const moreButton = q<HTMLButtonElement>('[data-kb-more]');
  const selects = new Map<FilterName, HTMLSelectElement>(FILTERS.map((name) => [name, q<HTMLSelectElement>(`select[name="${name}"]`)]));
  const engine = new SearchEngine(root.dataset.pagefind ?? '/pagefind/');
  const base = root.dataset.base ?? '/';

  let seq = 0;
  let run: SearchRun | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  root.querySelector<HTMLElement>('[data-kb-js]')?.removeAttribute('hidden');
  input.disabled = false;
  for (const select of selects.values()) select.disabled = false;

  const selection = (): PagefindFilterSelection => {
    const chosen: PagefindFilterSelection = {};
    for (const [name, select] of selects) if (select.value) chosen[name] = [select.value];
    return chosen;
  };

  /** Makes sure a select can show `value` (from the URL) before its options are loaded. */
  const choose = (select: HTMLSelectElement, value: string): void => {
    if (!value) return;
    if (![...select.options].some((o) => o.value === value)) select.append(new Option(value, value));
    select.value = value;
  };

  const item = (row: ResultRow): HTMLLIElement => {
    const li = el('li', 'kb-results__item');
    const link = el('a', 'kb-results__link');
    link.href = row.href;
    const [title, ...rest] = resultParts(row, 'kb-results');
    link.append(title);
    li.append(link, ...rest);
    return li;
  };

  const showCounts = (r: SearchRun): void => {
    const shown = r.rows.length;
    const filtered = Object.keys(r.filters).length > 0;
    status.textContent =
      shown === 0
        ? `No results for “${r.term}”${filtered ? ' with these filters' : ''}.`
        : `${r.approximate ? 'About ' : ''}${r.total} result${r.total === 1 ? '' : 's'} for “${r.term}”${r.total > shown ? `, showing ${shown}` : ''}`;
    list.dataset.query = r.term;
    list.dataset.total = String(r.total);
    list.dataset.shown = String(shown);
    moreButton.hidden = !r.more;
    moreButton.textContent = r.approximate ? 'Show more results' : `Show ${Math.min(PAGE, r.total - shown)} more results`;
  };

  const offerSuggestions = async (r: SearchRun, mine: number): Promise<void> => {
    suggestSlot.replaceChildren();
    delete suggestSlot.dataset.terms;
    if (r.rows.some((row) => row.named)) return;
    const suggestions = await engine.suggestions(r.term);
    if (mine !== seq || suggestions.length === 0) return;
    suggestSlot.dataset.terms = suggestions.map((s) => s.term).join('|');
    suggestSlot.append(
      suggestionLine(
        suggestions,
        'kb-results',
        (term) => {
          input.value = term;
          void search(true);
        },
        (term) => resultsUrl(base, term, selection()),
      ),
    );
  };

  /** Runs the form's query; `push` adds a history entry (a new query) instead of replacing the current one. */
  const search = async (push = false): Promise<void> => {
    const term = input.value.trim();
    const filters = selection();
    const url = resultsUrl(base, term, filters);
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    document.title = term ? `Search: ${term} – ${root.dataset.siteTitle ?? ''}`.replace(/ – $/, '') : (root.dataset.pageTitle ?? document.title);
    const mine = ++seq;
    if (!term) {
      run = null;
      list.replaceChildren();
      suggestSlot.replaceChildren();
      moreButton.hidden = true;
      status.textContent = 'Type a term, an alternative term, a term id or words of a definition.';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const r = await engine.search(term, filters, PAGE);
      if (mine !== seq || !r) return;
      run = r;
      list.replaceChildren(...r.rows.map(item));
      showCounts(r);
      void offerSuggestions(r, mine);
    } catch {
      if (mine !== seq) return;
      list.replaceChildren();
      moreButton.hidden = true;
      status.textContent = 'Search is unavailable right now. Try the A–Z index.';
    }
  };

  const showMore = async (): Promise<void> => {
    const r = run;
    if (!r?.more) return;
    const mine = seq;
    // Not `disabled`: that would take the focus away from the button.
    if (moreButton.getAttribute('aria-busy') === 'true') return;
    moreButton.setAttribute('aria-busy', 'true');
    try {
      const first = r.rows.length;
      const added = await r.next(PAGE);
      if (mine !== seq || run !== r) return;
      list.append(...added.map(item));
      showCounts(r);
      // Keyboard readers carry on from the first new result.
      list.children[first]?.querySelector('a')?.focus();
    } catch {
      status.textContent = 'Could not load more results. Try again.';
    } finally {
      moreButton.removeAttribute('aria-busy');
    }
  };

  const loadFilters = async (): Promise<void> => {
    try {
      const counts = await engine.filters();
      for (const [name, select] of selects) {
        const current = select.value;
        const values = Object.entries(counts[name] ?? {}).sort(([a], [b]) => a.localeCompare(b));
        const first = select.options[0];
        select.replaceChildren(first);
        for (const [value, count] of values) select.append(new Option(`${value} (${count})`, value));
        choose(select, current);
        const label = select.closest('label');
        if (label) label.hidden = values.length === 0 && !current;
      }
    } catch {
      // The filters stay as they are; searching reports the problem.
    }
  };

  const fromUrl = (): void => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const [name, select] of selects) {
      select.value = '';
      choose(select, params.get(name) ?? '');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(true);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), DEBOUNCE_MS);
  });
  for (const select of selects.values()) select.addEventListener('change', () => void search(true));
  moreButton.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    fromUrl();
    void search();
  });

  fromUrl();
  void loadFilters();
  void search();
  if (!input.value) input.focus();
}
