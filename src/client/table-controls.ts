/**
 * Sorting and filtering a server page's tool tables without a reload. Headers marked
 * `data-sort-key` become buttons (`text`: by the cell's text, `rank`: by its `data-rank`); a sort
 * applies to every table on the page, so the risk groups stay and each is ordered the same way.
 * The filter matches words against a row's text and its `data-category`; groups left empty hide.
 */
type Direction = 'ascending' | 'descending';

function cellValue(row: HTMLTableRowElement, column: number, key: string): string | number {
  const cell = row.cells[column];
  if (cell === undefined) return '';
  return key === 'rank' ? Number(cell.dataset['rank'] ?? 0) : (cell.textContent ?? '').trim().toLowerCase();
}

function sortTable(table: HTMLTableElement, column: number, key: string, direction: Direction): void {
  const body = table.tBodies[0];
  if (body === undefined) return;
  const sign = direction === 'ascending' ? 1 : -1;
  const rows = [...body.rows].map((row, index) => ({ row, index, value: cellValue(row, column, key) }));
  rows.sort((a, b) => (a.value < b.value ? -sign : a.value > b.value ? sign : a.index - b.index));
  body.append(...rows.map((r) => r.row));
}

export function attachTableControls(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form');
  const filter = root.querySelector<HTMLInputElement>('[data-filter]');
  const category = root.querySelector<HTMLSelectElement>('[data-category]');
  const shown = root.querySelector<HTMLElement>('[data-shown]');
  const tables = [...document.querySelectorAll<HTMLTableElement>('table.tools[data-sortable]')];
  if (!form || !filter || !category || !shown || tables.length === 0) return;
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());

  const apply = (): void => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const wanted = category.value;
    let visible = 0;
    let total = 0;
    for (const table of tables) {
      let here = 0;
      for (const row of table.tBodies[0]?.rows ?? []) {
        const text = (row.textContent ?? '').toLowerCase();
        const match = (wanted === '' || row.dataset['category'] === wanted) && words.every((w) => text.includes(w));
        row.hidden = !match;
        if (match) here += 1;
        total += 1;
      }
      visible += here;
      const group = table.closest('section');
      if (group) group.hidden = here === 0;
    }
    shown.textContent = visible === total ? '' : `${visible} of ${total} tools shown`;
  };
  filter.addEventListener('input', apply);
  category.addEventListener('change', apply);

  const headers = tables.map((t) => [...t.tHead?.rows[0]?.cells ?? []]);
  const [first] = headers;
  first?.forEach((th, column) => {
    const key = th.dataset['sortKey'];
    if (key === undefined) return;
    const label = th.textContent ?? '';
    for (const row of headers) {
      const cell = row[column];
      if (!cell) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = label;
      cell.replaceChildren(button);
      button.addEventListener('click', () => {
        const direction: Direction = cell.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        for (const r of headers) for (const c of r) c.removeAttribute('aria-sort');
        for (const r of headers) r[column]?.setAttribute('aria-sort', direction);
        for (const table of tables) sortTable(table, column, key, direction);
      });
    }
  });
}
