// The preview page: the task pane beside a simple view of a sample workbook, with a stand-in for
// Office/Excel, so anyone can try the pane in a browser (and the browser tests drive exactly this page).
import { cellAddress } from '../../engine/cells.js';
import { FakeWorkbook, installFakeOffice, type FakeCell, type Visibility } from './fake-excel.js';

declare global {
  interface Window {
    __SAMPLE__: { name: string; values: FakeCell[][]; visibility?: Visibility }[];
    __book: FakeWorkbook;
  }
}

// ?api=1.1 plays an Excel 2016 (ExcelApi 1.1), ?api=1.8 an Excel 2019; by default the latest.
const book = new FakeWorkbook(window.__SAMPLE__, { api: new URLSearchParams(location.search).get('api') ?? 'latest' });
window.__book = book;
installFakeOffice(window as unknown as Record<string, unknown>, book);

let shown = window.__SAMPLE__.find((s) => s.name === 'Cá nhân')?.name ?? window.__SAMPLE__[0]!.name;

function draw(): void {
  const view = document.getElementById('sheet-view');
  if (!view) return;
  if (book.selection) shown = book.selection.sheet;
  if (!book.sheet(shown)) shown = book.sheets[0]?.name ?? '';
  const tabs = document.createElement('div');
  tabs.className = 'tabs';
  for (const s of book.sheets.filter((x) => x.visibility === 'Visible')) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = s.name;
    b.className = s.name === shown ? 'active' : '';
    b.addEventListener('click', () => {
      shown = s.name;
      draw();
    });
    tabs.append(b);
  }
  const sheet = book.sheet(shown);
  if (!sheet) return view.replaceChildren(tabs);
  const table = document.createElement('table');
  table.className = 'grid';
  const width = Math.max(...sheet.values.map((r) => r.length), 1);
  sheet.values.forEach((line, r) => {
    const tr = document.createElement('tr');
    const head = document.createElement('th');
    head.textContent = String(r + 1);
    tr.append(head);
    for (let c = 0; c < width; c++) {
      const td = document.createElement('td');
      td.textContent = line[c] === null || line[c] === undefined ? '' : String(line[c]);
      const fill = sheet.fills.get(`${r},${c}`);
      if (fill) td.style.background = fill;
      const address = cellAddress(r, c);
      td.dataset.address = address;
      if (book.selection?.sheet === shown && book.selection.address === address) td.className = 'selected';
      tr.append(td);
    }
    table.append(tr);
  });
  view.replaceChildren(tabs, table);
}

book.onSync = draw;
document.addEventListener('DOMContentLoaded', draw);
