// Header search controller: wires the server-rendered markup of Search.astro (combobox input, filter
// selects, listbox) to Pagefind. Pagefind's own files are imported only when the reader starts
// searching (focus, pointer or first key in the box); filter values only when the filters are opened.
// Results are real links; the DOM is built from text nodes, never from HTML strings.
import { parseExcerpt, safeHref } from './excerpt.ts';
import { rerank } from './rank.ts';
import type { PagefindApi, PagefindFilterSelection, PagefindResultData } from './types.ts';

const DEBOUNCE_MS = 60;
/** Wait for a pause before searching a query whose last word is shorter than three letters. */
const PAUSE_MS = 300;
/** How many results get their data (one fragment fetch each) and a row. */
const SHOWN = 8;
const FILTERS = ['domain', 'status'] as const;

type FilterName = (typeof FILTERS)[number];

interface Row {
  data: PagefindResultData;
  href: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

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
  const filterToggle = q<HTMLButtonElement>('[data-kb-filter-toggle]');
  const filterBox = q<HTMLElement>('[data-kb-filters]');
  const selects = new Map<FilterName, HTMLSelectElement>(FILTERS.map((name) => [name, q<HTMLSelectElement>(`select[data-filter="${name}"]`)]));
  const pagefindUrl = root.dataset.pagefind ?? '/pagefind/pagefind.js';
  const idBase = listbox.id;

  let pagefind: Promise<PagefindApi> | null = null;
  let filtersLoaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let rows: Row[] = [];
  let active = -1;

  box.hidden = false;
  input.disabled = false;

  const load = (): Promise<PagefindApi> => {
    pagefind ??= (async () => {
      const mod: unknown = await import(/* @vite-ignore */ pagefindUrl);
      const api = mod as PagefindApi;
      await api.options({ excerptLength: 16, noWorker: true });
      await api.init();
      return api;
    })();
    pagefind.catch(() => {
      pagefind = null;
    });
    return pagefind;
  };

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

  const render = (term: string, found: Row[], total: number): void => {
    rows = found;
    const fragment = document.createDocumentFragment();
    found.forEach(({ data, href }, i) => {
      const option = el('a', 'kb-search__option');
      option.id = `${idBase}-${i}`;
      option.href = href;
      option.tabIndex = -1;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.append(el('span', 'kb-search__title', data.meta.title ?? href));
      const facts = [data.meta.termId, data.meta.domain, data.meta.status].filter((v): v is string => Boolean(v && v.trim()));
      if (facts.length) {
        const line = el('span', 'kb-search__facts');
        facts.forEach((fact, k) => line.append(el('span', k === 0 && data.meta.termId ? 'kb-search__id' : '', fact)));
        option.append(line);
      }
      const excerpt = el('span', 'kb-search__excerpt');
      for (const run of parseExcerpt(data.excerpt ?? '')) excerpt.append(run.mark ? el('mark', '', run.text) : document.createTextNode(run.text));
      option.append(excerpt);
      fragment.append(option);
    });
    listbox.replaceChildren(fragment);
    listbox.hidden = found.length === 0;
    listbox.dataset.query = term;
    listbox.dataset.total = String(total);
    const filtered = Object.keys(selection()).length > 0;
    say(
      found.length === 0
        ? `No results for “${term}”${filtered ? ' with these filters' : ''}.`
        : total > found.length
          ? `Top ${found.length} of ${total} results`
          : `${total} result${total === 1 ? '' : 's'}`,
    );
    open(true);
    setActive(-1);
  };

  const run = async (): Promise<void> => {
    const term = input.value.trim();
    const mine = ++seq;
    if (!term) {
      rows = [];
      listbox.replaceChildren();
      listbox.hidden = true;
      delete listbox.dataset.query;
      delete listbox.dataset.total;
      say('');
      open(false);
      return;
    }
    try {
      const api = await load();
      const response = await api.search(term, { filters: selection() });
      if (mine !== seq || !response) return;
      const take = response.results.slice(0, SHOWN);
      const data = await Promise.all(take.map((result) => result.data()));
      if (mine !== seq) return;
      const ranked = rerank(term, data, (d) => ({ title: d.meta.title, termId: d.meta.termId, aliases: d.meta.aliases }));
      const found: Row[] = [];
      for (const d of ranked) {
        const href = safeHref(d.url);
        if (href) found.push({ data: d, href });
      }
      render(term, found, response.results.length);
    } catch {
      if (mine !== seq) return;
      listbox.hidden = true;
      say('Search is unavailable right now. Try the A–Z index.');
      open(true);
    }
  };

  // A short last word matches many index chunks by prefix (typing "a" would fetch every chunk of
  // a-words), so it is neither preloaded nor searched until the reader pauses.
  const schedule = (): void => {
    clearTimeout(timer);
    const term = input.value.trim();
    const last = term.split(/\s+/).pop() ?? '';
    const settled = last.replace(/[^\p{L}\p{N}]/gu, '').length >= 3;
    if (settled) void load().then((api) => api.preload(term, { filters: selection() })).catch(() => undefined);
    timer = setTimeout(() => void run(), settled || !term ? DEBOUNCE_MS : PAUSE_MS);
  };

  const loadFilters = async (): Promise<void> => {
    if (filtersLoaded) return;
    filtersLoaded = true;
    try {
      const counts = await (await load()).filters();
      for (const [name, select] of selects) {
        const values = Object.entries(counts[name] ?? {}).sort(([a], [b]) => a.localeCompare(b));
        for (const [value, count] of values) {
          const option = document.createElement('option');
          option.value = value;
          option.textContent = `${value} (${count})`;
          select.append(option);
        }
      }
    } catch {
      filtersLoaded = false;
    }
  };

  const go = (index: number, newTab: boolean): void => {
    const row = rows[index];
    if (!row) return;
    if (newTab) window.open(row.href, '_blank', 'noopener');
    else window.location.assign(row.href);
  };

  // Start fetching Pagefind as soon as the reader shows intent.
  input.addEventListener('focus', () => {
    void load().catch(() => undefined);
    if (input.value.trim() && rows.length) open(true);
  });
  input.addEventListener('click', () => {
    if (panel.hidden && input.value.trim() && rows.length) open(true);
  });
  input.addEventListener('input', schedule);
  input.addEventListener('keydown', (event) => {
    const count = rows.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      if (panel.hidden) open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      if (!count || panel.hidden) return;
      event.preventDefault();
      go(active < 0 ? 0 : active, event.ctrlKey || event.metaKey);
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
  for (const select of selects.values()) select.addEventListener('change', () => void run());

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
