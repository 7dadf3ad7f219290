// The development server's diagnostics panel (browser side; injected only by `astro dev`, see
// src/lib/astro/dev-diagnostics.ts): a small box at the bottom right of a concept or guide page
// listing the problems the checker found in that page's file, each with file:line, severity, code
// and message, and the totals of the whole content. It asks the dev server for them when the page
// loads and again whenever the server says the content was checked again (after a save), so it is
// up to date without a reload. Built with DOM calls only (no HTML strings); nothing of it exists in
// a production build.
import './diagnostics-panel.css';

interface PanelDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  file: string;
  line: number;
  message: string;
}

interface Payload {
  file: string | null;
  diagnostics: PanelDiagnostic[];
  totals: { error: number; warning: number; info: number };
}

const ENDPOINT = '/__kb/diagnostics.json';
const EVENT = 'kb:diagnostics';
/** Remembers, for this tab, whether the editor closed the panel. */
const STORE = 'kb-dev-panel';

let panel: HTMLElement | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(p: Payload): string {
  const count = (s: PanelDiagnostic['severity']) => p.diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    count('error') && plural(count('error'), 'error'),
    count('warning') && plural(count('warning'), 'warning'),
    count('info') && `${count('info')} info`,
  ].filter(Boolean);
  return parts.length === 0 ? `No problems in ${p.file}` : `${parts.join(', ')} in ${p.file}`;
}

function storedOpen(): boolean | null {
  try {
    const v = sessionStorage.getItem(STORE);
    return v === 'open' ? true : v === 'closed' ? false : null;
  } catch {
    return null;
  }
}

function render(p: Payload): void {
  const wasOpen = panel?.querySelector('button')?.getAttribute('aria-expanded');
  panel?.remove();
  panel = null;
  if (p.file === null) return;
  const worst = p.diagnostics.some((d) => d.severity === 'error')
    ? 'error'
    : p.diagnostics.some((d) => d.severity === 'warning')
      ? 'warning'
      : p.diagnostics.length > 0
        ? 'info'
        : 'none';
  const root = el('aside', 'kb-dev-panel');
  root.dataset.worst = worst;
  root.setAttribute('aria-label', "Problems in this page's file (development server only)");

  const toggle = el('button', 'kb-dev-panel__toggle');
  toggle.type = 'button';
  toggle.append(el('span', 'kb-dev-panel__dot'), document.createTextNode(summary(p)));
  const body = el('div', 'kb-dev-panel__body');
  body.id = 'kb-dev-panel-body';
  toggle.setAttribute('aria-controls', body.id);

  if (p.diagnostics.length > 0) {
    const list = el('ol', 'kb-dev-panel__list');
    for (const d of p.diagnostics) {
      const item = el('li', 'kb-dev-panel__item');
      item.dataset.severity = d.severity;
      const where = el('p', 'kb-dev-panel__where');
      where.append(
        el('span', 'kb-dev-panel__severity', d.severity),
        ' ',
        el('code', 'kb-dev-panel__location', `${d.file}:${d.line}`),
        ' ',
        el('span', 'kb-dev-panel__code', d.code),
      );
      item.append(where, el('p', 'kb-dev-panel__message', d.message));
      list.append(item);
    }
    body.append(list);
  }
  const totals = el('p', 'kb-dev-panel__totals');
  totals.append(
    `All content: ${plural(p.totals.error, 'error')}, ${plural(p.totals.warning, 'warning')}, ${p.totals.info} info; `,
    el('code', '', 'npm run check'),
    ' lists them. Shown by the development server only.',
  );
  body.append(totals);

  // Open when this page has an error or a warning and the screen is wide enough to spare the room,
  // unless the editor opened or closed it in this tab.
  const roomy = !window.matchMedia('(max-width: 40rem)').matches;
  const open = wasOpen !== undefined && wasOpen !== null ? wasOpen === 'true' : (storedOpen() ?? (roomy && (worst === 'error' || worst === 'warning')));
  toggle.setAttribute('aria-expanded', String(open));
  body.hidden = !open;
  toggle.addEventListener('click', () => {
    const next = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(next));
    body.hidden = !next;
    try {
      sessionStorage.setItem(STORE, next ? 'open' : 'closed');
    } catch {
      // Storage may be unavailable; the panel still works for this page.
    }
  });
  root.append(toggle, body);
  document.body.append(root);
  panel = root;
}

async function refresh(): Promise<void> {
  try {
    const response = await fetch(`${ENDPOINT}?path=${encodeURIComponent(location.pathname)}`, { cache: 'no-store' });
    if (response.ok) render((await response.json()) as Payload);
  } catch {
    // The dev server is restarting; the next event or load brings the panel back.
  }
}

void refresh();
import.meta.hot?.on(EVENT, () => void refresh());
