/**
 * Search as you type in the header of every page (the ARIA combobox pattern): results appear while
 * typing, arrows move through them, Enter opens the chosen one (or, with none chosen, submits the
 * form to the results page), Escape closes the list. Loaded when the search box is first focused;
 * third-party text is rendered with textContent only.
 */
import { searchCatalog, type SearchHit } from './catalog-search.ts';

/** Results shown under the box; the last option always leads to every result. */
const SHOWN = 8;
const DEBOUNCE_MS = 60;

function option(id: string, hit: SearchHit): HTMLLIElement {
  const li = document.createElement('li');
  li.id = id;
  li.setAttribute('role', 'option');
  li.dataset['href'] = hit.url;
  const name = document.createElement('span');
  name.className = 'qs-name';
  name.textContent = hit.name;
  li.append(name);
  if (hit.risk) {
    const badge = document.createElement('span');
    badge.className = `badge risk-${hit.risk}`;
    badge.textContent = hit.risk;
    li.append(' ', badge);
  }
  const facts = [hit.server, hit.category].filter(Boolean).join(' · ');
  if (facts) {
    const meta = document.createElement('span');
    meta.className = 'qs-meta';
    meta.textContent = facts;
    li.append(' ', meta);
  }
  return li;
}

export function attach(input: HTMLInputElement): void {
  const form = input.form;
  if (form === null) return;
  const list = document.createElement('ul');
  list.id = 'quick-results';
  list.className = 'quick-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let active = -1;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const options = (): HTMLLIElement[] => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];

  const setActive = (i: number): void => {
    const all = options();
    active = i < 0 || i >= all.length ? -1 : i;
    for (const [j, o] of all.entries()) o.setAttribute('aria-selected', String(j === active));
    const chosen = all[active];
    if (chosen) {
      input.setAttribute('aria-activedescendant', chosen.id);
      chosen.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const mine = ++generation;
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const search = await searchCatalog({ query, filters: {} }, { nameLimit: SHOWN });
    const hits = await search.more(SHOWN);
    if (mine !== generation) return;
    const all = document.createElement('li');
    all.id = 'quick-results-all';
    all.setAttribute('role', 'option');
    all.className = 'qs-all';
    all.dataset['href'] = `/search/?q=${encodeURIComponent(query)}`;
    all.textContent = hits.length === 0 ? `No tool matches “${query}”: search the whole catalog` : `All ${search.total} results for “${query}”`;
    list.replaceChildren(...hits.map((h, i) => option(`quick-result-${i}`, h)), all);
    status.textContent = hits.length === 0 ? 'No results.' : `${search.total} results; use the arrow keys to choose one.`;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) return;
      e.preventDefault();
      const n = options().length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter') {
      const chosen = options()[active];
      if (!list.hidden && chosen?.dataset['href']) {
        e.preventDefault();
        location.assign(chosen.dataset['href']);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      }
    }
  });
  list.addEventListener('mousedown', (e) => {
    // mousedown, not click: the input's blur would close the list first.
    const chosen = (e.target as Element).closest<HTMLElement>('[role="option"]');
    if (chosen?.dataset['href']) {
      e.preventDefault();
      location.assign(chosen.dataset['href']);
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && list.childElementCount > 0) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
  // Typed before this module arrived: search it now.
  if (input.value.trim() !== '' && document.activeElement === input) void run();
}
