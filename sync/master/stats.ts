// Thống kê: what leaders ask first — how many valid nominations per form, by type and group; women;
// leaders and non-leaders; and the state of every nomination.
import type ExcelJS from 'exceljs';
import { isPerson, type Nomination } from '../../engine/index.js';
import type { MergeResult } from '../merge-model.js';
import { MASTER_SHEETS, STATUS_LABELS } from './layout.js';
import { BOLD_STYLE, HEADER_STYLE, TITLE_STYLE } from './styles.js';

export function writeStats(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult): void {
  const { plan } = result;
  const ws = wb.addWorksheet(MASTER_SHEETS.stats);
  ws.columns = [{ width: 40 }, ...Array.from({ length: 12 }, () => ({ width: 16 }))];
  const valid = result.nominations.filter((n) => n.status === 'valid');
  const individuals = (list: Nomination[]) => list.filter((n) => isPerson(plan, n.type));
  const title = (t: string) => {
    const r = ws.addRow([t]);
    r.getCell(1).style = { ...TITLE_STYLE, alignment: { horizontal: 'left' } };
    r.commit();
  };
  const header = (cells: string[]) => {
    const r = ws.addRow(cells);
    r.height = 45;
    r.eachCell((c) => (c.style = HEADER_STYLE));
    r.commit();
  };
  const line = (cells: (string | number)[], bold = false) => {
    const r = ws.addRow(cells);
    if (bold) r.eachCell((c) => (c.style = BOLD_STYLE));
    r.commit();
  };

  title(`THỐNG KÊ ĐỀ NGHỊ KHEN THƯỞNG – ${plan.id}`);
  line([
    `Số đề nghị hợp lệ${result.includeLate ? '' : ' (không tính hồ sơ gửi muộn)'}; lập lúc ${result.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ]);
  line([]);

  title('1. Đề nghị hợp lệ theo hình thức, loại đối tượng và khối');
  const combos = plan.nomineeTypes.flatMap((t) => plan.groups.map((g) => ({ t, g })));
  header(['Hình thức', ...combos.map(({ t, g }) => `${t.label} – ${g.label}`), 'Tổng']);
  for (const f of plan.forms) {
    const mine = valid.filter((n) => n.form === f.code);
    line([
      f.label,
      ...combos.map(({ t, g }) => mine.filter((n) => n.type === t.code && n.group === g.code).length),
      mine.length,
    ]);
  }
  line(
    [
      'Tổng cộng',
      ...combos.map(({ t, g }) => valid.filter((n) => n.type === t.code && n.group === g.code).length),
      valid.length,
    ],
    true,
  );
  line([]);

  title('2. Cá nhân hợp lệ: nữ, lãnh đạo quản lý');
  header(['Hình thức', 'Cá nhân', 'Nữ', 'Tỷ lệ nữ', 'Lãnh đạo quản lý', 'Không giữ chức vụ lãnh đạo']);
  const personLine = (label: string, list: Nomination[], bold = false) => {
    const people = individuals(list);
    const women = people.filter((n) => n.gender === 'Nữ').length;
    const leaders = people.filter((n) => n.leader === true).length;
    line(
      [
        label,
        people.length,
        women,
        people.length ? `${Math.round((women / people.length) * 100)}%` : '–',
        leaders,
        people.length - leaders,
      ],
      bold,
    );
  };
  for (const f of plan.forms)
    personLine(
      f.label,
      valid.filter((n) => n.form === f.code),
    );
  personLine('Tổng cộng', valid, true);
  line([]);

  title('3. Tình trạng tất cả đề nghị');
  header(['Hình thức', STATUS_LABELS.valid, STATUS_LABELS.invalid, STATUS_LABELS.late, 'Tổng']);
  const statusLine = (label: string, list: Nomination[], bold = false) =>
    line(
      [
        label,
        ...(['valid', 'invalid', 'late'] as const).map((s) => list.filter((n) => n.status === s).length),
        list.length,
      ],
      bold,
    );
  for (const f of plan.forms)
    statusLine(
      f.label,
      result.nominations.filter((n) => n.form === f.code),
    );
  statusLine(
    'Chưa rõ hình thức',
    result.nominations.filter((n) => !n.form),
  );
  statusLine('Tổng cộng', result.nominations, true);
  ws.commit();
}
