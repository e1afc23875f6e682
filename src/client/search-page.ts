/**
 * The search page: the query and facet choices live in the URL (`/search/?q=…&risk=high`), so a
 * search can be shared; changing either re-runs the search in place and rewrites the URL. Counts
 * beside each facet value say how many results choosing it gives (src/client/catalog-search.ts).
 * Everything from the index is rendered with textContent: page text is never injected as HTML.
 */
import { FACETS, hasSearch, parseSearchState, searchStateQuery, toggleValue, type SearchState } from '../core/facets.ts';
import { searchCatalog, type FilterCounts, type SearchHit } from './catalog-search.ts';

/** Results shown at a time; more load on demand. */
const PAGE = 30;
/** Results of a new search rendered before the rest of its first page is fetched. */
const FIRST = 8;
/** Open-set values (servers) listed at most, by count. */
const OPEN_VALUES = 12;

function describe(state: SearchState): string {
  const parts = FACETS.flatMap((f) => {
    const values = state.filters[f.key] ?? [];
    return values.length === 0 ? [] : [`${f.label.toLowerCase()} ${values.map((v) => f.valueLabels?.[v] ?? v).join(' or ')}`];
  });
  const words = state.query === '' ? '' : `“${state.query}”`;
  return [words, ...parts].filter(Boolean).join(', ');
}

function renderResult(hit: SearchHit): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.name;
  link.className = 'result-title';
  li.append(link);
  const facts = [hit.server, hit.risk && `${hit.risk} risk`, hit.category].filter(Boolean);
  if (facts.length > 0) {
    const meta = document.createElement('span');
    meta.className = 'muted';
    meta.textContent = ` — ${facts.join(' · ')}`;
    li.append(meta);
  }
  if (hit.excerpt !== '') {
    const excerpt = document.createElement('p');
    excerpt.textContent = hit.excerpt;
    li.append(excerpt);
  }
  return li;
}

export function attachSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-facets]');
  const input = root.querySelector<HTMLInputElement>('[data-query]');
  const status = root.querySelector<HTMLElement>('[data-status]');
  const list = root.querySelector<HTMLOListElement>('[data-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-more]');
  if (!form || !input || !status || !list || !more) return;
  let state = parseSearchState(new URLSearchParams(location.search));
  let run = 0;
  let loadMore: (() => Promise<void>) | undefined;
  input.value = state.query;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = (state.filters[box.name] ?? []).includes(box.value);

  const showCounts = (counts: FilterCounts): void => {
    for (const facet of FACETS) {
      const fieldset = form.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${facet.key}"]`);
      if (!fieldset) continue;
      const values = counts[facet.key] ?? {};
      if (facet.values === undefined) {
        const chosen = state.filters[facet.key] ?? [];
        const top = Object.entries(values)
          .filter(([v, n]) => n > 0 || chosen.includes(v))
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, OPEN_VALUES)
          .map(([v]) => v);
        const shown = [...new Set([...chosen, ...top])];
        const holder = fieldset.querySelector<HTMLElement>('[data-open-values]');
        if (!holder) continue;
        holder.replaceChildren(
          ...shown.map((value) => {
            const label = document.createElement('label');
            label.className = 'facet-value';
            const box = document.createElement('input');
            box.type = 'checkbox';
            box.name = facet.key;
            box.value = value;
            box.checked = chosen.includes(value);
            const text = document.createElement('span');
            text.textContent = value;
            const count = document.createElement('span');
            count.className = 'count muted';
            count.textContent = `(${values[value] ?? 0})`;
            label.append(box, text, ' ', count);
            return label;
          }),
        );
        if (shown.length === 0) {
          const none = document.createElement('p');
          none.className = 'muted';
          none.textContent = 'Servers with results appear here.';
          holder.append(none);
        }
        continue;
      }
      for (const value of facet.values) {
        const count = fieldset.querySelector<HTMLElement>(`[data-count="${value}"]`);
        if (count) count.textContent = `(${values[value] ?? 0})`;
      }
    }
  };

  const search = async (): Promise<void> => {
    const mine = ++run;
    const query = searchStateQuery(state);
    history.replaceState(null, '', query === '' ? location.pathname : `${location.pathname}?${query}`);
    list.replaceChildren();
    more.hidden = true;
    loadMore = undefined;
    if (!hasSearch(state)) {
      root.dataset['state'] = 'idle';
      status.textContent = 'Type a tool name, or choose a risk, category or flag to list every tool that has it.';
      return;
    }
    root.dataset['state'] = 'loading';
    const label = describe(state);
    status.textContent = `Searching for ${label}…`;
    const found = await searchCatalog(state, { counts: true });
    if (mine !== run) return;
    root.dataset['counts'] = 'pending';
    const count = (): void => {
      void found.counts().then((counts) => {
        if (mine !== run) return;
        showCounts(counts);
        root.dataset['counts'] = 'ready';
      });
    };
    let shown = 0;
    loadMore = async () => {
      root.dataset['state'] = 'loading';
      // The first few render as soon as they arrive; the rest of the page follows.
      for (const size of shown === 0 ? [FIRST, PAGE - FIRST] : [PAGE]) {
        const hits = await found.more(size);
        if (mine !== run) return;
        list.append(...hits.map(renderResult));
        shown += hits.length;
        // Counting starts once the first results are on screen.
        count();
        if (hits.length < size) break;
      }
      more.hidden = shown >= found.total || shown % PAGE !== 0;
      status.textContent =
        shown === 0
          ? `No tool or server matches ${label}.`
          : `${found.total} result${found.total === 1 ? '' : 's'} for ${label}${shown < found.total ? ` (${shown} shown)` : ''}.`;
      root.dataset['state'] = 'done';
    };
    await loadMore();
  };

  form.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    state = toggleValue(state, box.name, box.value, box.checked);
    void search();
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, query: input.value.trim() };
      void search();
    }, 60);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, query: input.value.trim() };
    void search();
  });
  more.addEventListener('click', () => void loadMore?.());
  void search();
}
