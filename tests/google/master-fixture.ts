// A small master workbook built here with exceljs (not by the real master writer): Tổng hợp with the id
// and the secretariat's columns, a unit sheet, and an annex-like list with a merged title.
import ExcelJS from 'exceljs';

export const TALLY_HEADERS = [
  'Đơn vị',
  'Tên',
  'Tóm tắt thành tích',
  'Ngày nhận',
  'Năm sinh',
  'Mã đề nghị',
  'Ý kiến Văn phòng',
  'Kết quả Hội đồng',
  'Ghi chú Văn phòng',
  'Số phiếu đồng ý',
  'Kết quả cấp trên',
];

export interface TallyRow {
  unit: string;
  name: string;
  summary: string;
  received: Date;
  birthYear: number | null;
  id: string;
  office?: string;
  council?: string;
  note?: string;
}

export const BASE_ROWS: TallyRow[] = [
  {
    unit: 'H-BINHSON',
    name: 'Nguyễn Văn An',
    summary: '=SUM(1)',
    received: new Date(Date.UTC(2021, 3, 15, 9, 30)),
    birthYear: 1980,
    id: 'nom-1',
  },
  {
    unit: 'H-BINHSON',
    name: 'Phòng Kinh tế và Hạ tầng huyện Bình Sơn',
    summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2020',
    received: new Date(Date.UTC(2021, 3, 15)),
    birthYear: null,
    id: 'nom-2',
  },
  {
    unit: 'H-LYSON',
    name: 'Trần Thị Bích',
    summary: 'Dẫn đầu phong trào thi đua',
    received: new Date(Date.UTC(2021, 3, 10)),
    birthYear: 1975,
    id: 'nom-3',
    office: 'Đủ hồ sơ',
  },
];

export async function writeMaster(file: string, rows: TallyRow[] = BASE_ROWS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const tally = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  tally.addRow(TALLY_HEADERS);
  for (const r of rows)
    tally.addRow([
      r.unit,
      r.name,
      r.summary,
      r.received,
      r.birthYear,
      r.id,
      r.office ?? null,
      r.council ?? null,
      r.note ?? null,
      null,
      null,
    ]);
  const units = wb.addWorksheet('Theo đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.addRow(['Mã đơn vị', 'Tên đơn vị', 'Số đề nghị']);
  units.addRow(['H-BINHSON', 'Phòng Kinh tế và Hạ tầng huyện Bình Sơn', 2]);
  units.addRow(['H-LYSON', 'Phòng Kinh tế và Hạ tầng nông thôn huyện Lý Sơn', 1]);
  const annex = wb.addWorksheet('DS BK Bộ trưởng', { pageSetup: { printTitlesRow: '3:3' } });
  annex.addRow(['DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ CÔNG THƯƠNG']);
  annex.mergeCells('A1:D1');
  annex.addRow([]);
  annex.addRow(['STT', 'Họ và tên', 'Chức vụ, đơn vị', 'Tóm tắt thành tích']);
  annex.addRow([1, 'Nguyễn Văn An', 'Chuyên viên', 'Hoàn thành xuất sắc']);
  const hidden = wb.addWorksheet('Danh mục');
  hidden.state = 'hidden';
  hidden.addRow(['Đồng ý', 'Không đồng ý']);
  await wb.xlsx.writeFile(file);
}

/** Tổng hợp of a master file as id → the three secretariat values. */
export async function readSecretariat(file: string): Promise<Map<string, [string, string, string]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Tổng hợp')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (h: string) => headers.indexOf(h);
  const out = new Map<string, [string, string, string]>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (h: string) => String(row.getCell(col(h)).value ?? '');
    out.set(text('Mã đề nghị'), [text('Ý kiến Văn phòng'), text('Kết quả Hội đồng'), text('Ghi chú Văn phòng')]);
  }
  return out;
}
