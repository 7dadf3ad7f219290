// Header search controller: wires the server-rendered markup of Search.astro (combobox input, filter
// selects, listbox, "more" button, link to all results) to the search engine (engine.ts). Pagefind's
// own files are imported only when the reader starts searching (focus, pointer or first key in the
// box); filter values only when the filters are opened; did-you-mean terms only when no result is
// named by the query; the engine's own code (ranking, excerpts, did-you-mean) too is loaded only then.
// Results are real links; the DOM is built from text nodes, never HTML strings. Enter opens the
// highlighted result, or, with none highlighted, the full results page.
import type { ResultRow, SearchEngine, SearchRun } from './engine.ts';
import { FILTERS, type FilterName, resultsUrl } from './params.ts';
import { el, resultParts, suggestionLine } from './result-view.ts';
import type { PagefindFilterSelection } from './types.ts';

const DEBOUNCE_MS = 60;
/** Wait for a pause before searching a query whose last word is shorter than three letters. */
const PAUSE_MS = 300;
/** Results per page of the panel (each costs one fragment fetch). */
const SHOWN = 8;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

export function initSearch(root: HTMLElement): void {
  const q = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`search: missing ${selector}`);
    return found;
  };
  const box = q<HTMLElement>('[data-kb-box]');
  const input = q<HTMLInputElement>('input[role="combobox"]');
  const panel = q<HTMLElement>('[data-kb-panel]');
  const listbox = q<HTMLElement>('[role="listbox"]');
  const status = q<HTMLElement>('[data-kb-status]');
  const suggestSlot = q<HTMLElement>('[data-kb-suggest]');
  const moreButton = q<HTMLButtonElement>('[data-kb-more]');
  const allLink = q<HTMLAnchorElement>('[data-kb-all]');
  const filterToggle = q<HTMLButtonElement>('[data-kb-filter-toggle]');
  const filterBox = q<HTMLElement>('[data-kb-filters]');
  const selects = new Map<FilterName, HTMLSelectElement>(FILTERS.map((name) => [name, q<HTMLSelectElement>(`select[data-filter="${name}"]`)]));
  const pagefindUrl = root.dataset.pagefind ?? '/pagefind/';
  let engineLoad: Promise<SearchEngine> | null = null;
  /** The engine (its module is fetched the first time; a failed fetch is tried again next time). */
  const engine = (): Promise<SearchEngine> => {
    engineLoad ??= import('./engine.ts').then((m) => new m.SearchEngine(pagefindUrl));
    engineLoad.catch(() => {
      engineLoad = null;
    });
    return engineLoad;
  };
  const base = root.dataset.base ?? '/';
  const idBase = listbox.id;

  let filtersLoaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let run: SearchRun | null = null;
  let active = -1;

  box.hidden = false;
  input.disabled = false;

  const rows = (): ResultRow[] => run?.rows ?? [];

  const selection = (): PagefindFilterSelection => {
    const chosen: PagefindFilterSelection = {};
    for (const [name, select] of selects) if (select.value) chosen[name] = [select.value];
    return chosen;
  };

  const setActive = (index: number): void => {
    const options = listbox.querySelectorAll<HTMLElement>('[role="option"]');
    active = options.length === 0 ? -1 : index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = (show: boolean): void => {
    panel.hidden = !show;
    input.setAttribute('aria-expanded', String(show && !listbox.hidden));
    if (!show) setActive(-1);
  };

  const say = (text: string): void => {
    status.textContent = text;
  };

  const option = (row: ResultRow, index: number): HTMLAnchorElement => {
    const a = el('a', 'kb-search__option');
    a.id = `${idBase}-${index}`;
    a.href = row.href;
    a.tabIndex = -1;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    a.append(...resultParts(row, 'kb-search'));
    return a;
  };

  /** Status line, "more" button and the link to all results, for the run as it now stands. */
  const showCounts = (): void => {
    const r = run;
    if (!r) return;
    const shown = r.rows.length;
    const filtered = Object.keys(r.filters).length > 0;
    say(
      shown === 0
        ? `No results for “${r.term}”${filtered ? ' with these filters' : ''}.`
        : r.total > shown
          ? `Showing ${shown} of ${r.approximate ? 'about ' : ''}${r.total} results`
          : `${r.total} result${r.total === 1 ? '' : 's'}`,
    );
    listbox.dataset.query = r.term;
    listbox.dataset.total = String(r.total);
    listbox.dataset.shown = String(shown);
    moreButton.hidden = !r.more;
    moreButton.textContent = r.approximate ? 'Show more' : `Show ${Math.min(SHOWN, r.total - shown)} more`;
    allLink.hidden = shown === 0;
    allLink.href = resultsUrl(base, r.term, r.filters);
    allLink.textContent = r.total > shown ? (r.approximate ? 'All results' : `All ${r.total} results`) : 'Open as a page';
  };

  /** "Did you mean …?" when no result is named by the query. */
  const offerSuggestions = async (r: SearchRun, mine: number): Promise<void> => {
    suggestSlot.replaceChildren();
    delete suggestSlot.dataset.terms;
    if (r.rows.some((row) => row.named)) return;
    const suggestions = await (await engine()).suggestions(r.term);
    if (mine !== seq || suggestions.length === 0) return;
    suggestSlot.dataset.terms = suggestions.map((s) => s.term).join('|');
    suggestSlot.append(
      suggestionLine(suggestions, 'kb-search', (term) => {
        input.value = term;
        input.focus();
        void search();
      }),
    );
  };

  const render = (r: SearchRun, mine: number): void => {
    run = r;
    listbox.replaceChildren(...r.rows.map(option));
    listbox.hidden = r.rows.length === 0;
    showCounts();
    open(true);
    setActive(-1);
    void offerSuggestions(r, mine);
  };

  const clear = (): void => {
    run = null;
    listbox.replaceChildren();
    listbox.hidden = true;
    suggestSlot.replaceChildren();
    for (const key of ['query', 'total', 'shown']) delete listbox.dataset[key];
    moreButton.hidden = true;
    allLink.hidden = true;
    say('');
    open(false);
  };

  const search = async (): Promise<void> => {
    const term = input.value.trim();
    const mine = ++seq;
    if (!term) return clear();
    try {
      const r = await (await engine()).search(term, selection(), SHOWN);
      if (mine !== seq || !r) return;
      render(r, mine);
    } catch {
      if (mine !== seq) return;
      listbox.hidden = true;
      moreButton.hidden = true;
      allLink.hidden = true;
      say('Search is unavailable right now. Try the A–Z index.');
      open(true);
    }
  };

  const showMore = async (): Promise<void> => {
    const r = run;
    if (!r?.more) return;
    const mine = seq;
    // Not `disabled`: that would take the focus away from the button (and close the header panel).
    if (moreButton.getAttribute('aria-busy') === 'true') return;
    moreButton.setAttribute('aria-busy', 'true');
    try {
      const before = r.rows.length;
      const added = await r.next(SHOWN);
      if (mine !== seq || run !== r) return;
      listbox.append(...added.map((row, k) => option(row, before + k)));
      listbox.hidden = r.rows.length === 0;
      const hadFocus = document.activeElement === moreButton;
      showCounts();
      // The button hides when nothing is left; focus goes back to the box rather than closing the panel.
      if (hadFocus && moreButton.hidden) input.focus();
    } catch {
      say('Could not load more results. Try again.');
    } finally {
      moreButton.removeAttribute('aria-busy');
    }
  };

  // A short last word matches many index chunks by prefix (typing "a" would fetch every chunk of
  // a-words), so it is neither preloaded nor searched until the reader pauses.
  const schedule = (): void => {
    clearTimeout(timer);
    const term = input.value.trim();
    const last = term.split(/\s+/).pop() ?? '';
    const settled = last.replace(/[^\p{L}\p{N}]/gu, '').length >= 3;
    if (settled)
      void engine()
        .then((e) => e.preload(term, selection()))
        .catch(() => undefined);
    timer = setTimeout(() => void search(), settled || !term ? DEBOUNCE_MS : PAUSE_MS);
  };

  const loadFilters = async (): Promise<void> => {
    if (filtersLoaded) return;
    filtersLoaded = true;
    try {
      const counts = await (await engine()).filters();
      for (const [name, select] of selects) {
        const values = Object.entries(counts[name] ?? {}).sort(([a], [b]) => a.localeCompare(b));
        for (const [value, count] of values) {
          const opt = document.createElement('option');
          opt.value = value;
          opt.textContent = `${value} (${count})`;
          select.append(opt);
        }
        // A filter no page uses is left out.
        const label = select.closest('label');
        if (label) label.hidden = values.length === 0;
      }
    } catch {
      filtersLoaded = false;
    }
  };

  const go = (index: number, newTab: boolean): void => {
    const row = rows()[index];
    if (!row) return;
    if (newTab) window.open(row.href, '_blank', 'noopener');
    else window.location.assign(row.href);
  };

  // Start fetching Pagefind as soon as the reader shows intent.
  input.addEventListener('focus', () => {
    void engine()
      .then((e) => e.load())
      .catch(() => undefined);
    if (input.value.trim() && run) open(true);
  });
  input.addEventListener('click', () => {
    if (panel.hidden && input.value.trim() && run) open(true);
  });
  input.addEventListener('input', schedule);
  input.addEventListener('keydown', (event) => {
    const count = rows().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      if (panel.hidden) open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      const term = input.value.trim();
      if (!term) return;
      event.preventDefault();
      if (active >= 0 && !panel.hidden) go(active, event.ctrlKey || event.metaKey);
      else window.location.assign(resultsUrl(base, term, selection()));
    } else if (event.key === 'Home' && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && active >= 0) {
      event.preventDefault();
      setActive(count - 1);
    }
  });
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (!panel.hidden) {
      event.preventDefault();
      open(false);
      input.focus();
    }
  });
  // Keep focus in the box when a result is clicked (the link still navigates; middle-click still works).
  listbox.addEventListener('mousedown', (event) => {
    if (event.button === 0) event.preventDefault();
  });
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !root.contains(next)) open(false);
  });
  filterToggle.addEventListener('click', () => {
    const show = filterBox.hidden;
    filterBox.hidden = !show;
    filterToggle.setAttribute('aria-expanded', String(show));
    if (show) void loadFilters();
  });
  for (const select of selects.values()) select.addEventListener('change', () => void search());
  moreButton.addEventListener('click', () => void showMore());

  // `/` and Ctrl/⌘+K focus the box, unless the reader is typing somewhere else.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || isEditable(event.target)) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !k) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
