// The DOM of search results and suggestions, shared by the header box and the results page, built
// from text nodes (never HTML strings): a result's title, its facts (term id, domain, status) and its
// excerpt with <mark>ed words; a "Did you mean …?" line. Class names take the caller's prefix
// (`kb-search` in the header, `kb-results` on the results page), whose stylesheet styles them.
import type { ResultRow } from './engine.ts';
import type { Suggestion } from './suggest.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Title, facts and excerpt of one result, as inline elements (they go inside a link or a list item). */
export function resultParts(row: ResultRow, prefix: string): HTMLElement[] {
  const { data, href } = row;
  const parts: HTMLElement[] = [el('span', `${prefix}__title`, data.meta.title ?? href)];
  const facts = [data.meta.termId, data.meta.domain, data.meta.status].filter((v): v is string => Boolean(v?.trim()));
  if (facts.length > 0) {
    const line = el('span', `${prefix}__facts`);
    facts.forEach((fact, k) => line.append(el('span', k === 0 && data.meta.termId ? `${prefix}__id` : '', fact)));
    parts.push(line);
  }
  const excerpt = el('span', `${prefix}__excerpt`);
  for (const run of row.excerpt) excerpt.append(run.mark ? el('mark', '', run.text) : document.createTextNode(run.text));
  parts.push(excerpt);
  return parts;
}

/** The label of a suggestion: the term, and for an alternative term the concept it names. */
export const suggestionLabel = (s: Suggestion): string => (s.title ? `${s.term} (${s.title})` : s.term);

/**
 * "Did you mean A, B or C?" with each suggestion as a button (or, given `href`, a link) that calls
 * `pick` with the term.
 */
export function suggestionLine(suggestions: readonly Suggestion[], prefix: string, pick: (term: string) => void, href?: (term: string) => string): HTMLElement {
  const line = el('p', `${prefix}__suggest`);
  line.append('Did you mean ');
  suggestions.forEach((s, k) => {
    if (k > 0) line.append(k === suggestions.length - 1 ? ' or ' : ', ');
    const target = href ? el('a', `${prefix}__suggestion`, suggestionLabel(s)) : el('button', `${prefix}__suggestion`, suggestionLabel(s));
    if (target instanceof HTMLAnchorElement && href) target.href = href(s.term);
    else if (target instanceof HTMLButtonElement) target.type = 'button';
    target.dataset.term = s.term;
    target.addEventListener('click', (event) => {
      if (event instanceof MouseEvent && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)) return;
      event.preventDefault();
      pick(s.term);
    });
    line.append(target);
  });
  line.append('?');
  return line;
}
