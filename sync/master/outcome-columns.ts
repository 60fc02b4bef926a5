// Tổng hợp's two columns of SPEC §8: Số phiếu đồng ý (a number of votes or a percentage, checked against
// the members present typed in Văn bản and the share the plan requires) and Kết quả cấp trên (a dropdown).
// A vote that cannot be right is flagged on its cell — red, with a note saying why — never changed.
import type ExcelJS from 'exceljs';
import { columnLetter, type Nomination } from '../../engine/index.js';
import { outcomeOf, voteProblem } from '../council-outcomes.js';
import type { MergeResult } from '../merge-model.js';
import { HIGHER_VALUES, TALLY_TYPED_HEADERS, TALLY_TYPED_KEYS } from './layout.js';
import { dataValidationsOf, TOP_STYLE } from './styles.js';

const FLAGGED: Partial<ExcelJS.Style> = {
  ...TOP_STYLE,
  font: { bold: true, color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
};

/** Marks the votes cell of a nomination when the typed vote is unreadable, too many, or short of the share. */
export function flagVotes(cell: ExcelJS.Cell, result: MergeResult, n: Nomination): void {
  const outcome = outcomeOf(result, n.id);
  const problem = voteProblem(
    result.plan,
    outcome?.votes ?? null,
    result.membersPresent ?? null,
    result.council.get(n.id) ?? 'pending',
  );
  if (!problem) return;
  cell.style = FLAGGED;
  cell.note = problem;
}

/** A typed column's data rows. Bounded to the rows written: a validation over the whole column makes
 *  every exceljs reader of the master (documents, register, push) expand it into a million cells. */
export const dataRowsRange = (column: number, lastRow: number): string => {
  const letter = columnLetter(column - 1);
  return `${letter}2:${letter}${Math.max(2, lastRow)}`;
};

/** Excel refuses what cannot be a vote or a higher result as it is typed. */
export function validateOutcomeColumns(ws: ExcelJS.Worksheet, typedFrom: number, lastRow: number): void {
  const range = (key: (typeof TALLY_TYPED_KEYS)[number]) =>
    dataRowsRange(typedFrom + TALLY_TYPED_KEYS.indexOf(key), lastRow);
  const v = dataValidationsOf(ws);
  v.add(range('votes'), {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: TALLY_TYPED_HEADERS.votes,
    error: 'Ghi số phiếu đồng ý (ví dụ 7) hoặc tỷ lệ (ví dụ 75%).',
  });
  v.add(range('higher'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${HIGHER_VALUES.awarded},${HIGHER_VALUES.notAwarded}"`],
    showErrorMessage: true,
    errorTitle: TALLY_TYPED_HEADERS.higher,
    error: `Chọn "${HIGHER_VALUES.awarded}" hoặc "${HIGHER_VALUES.notAwarded}".`,
  });
}
