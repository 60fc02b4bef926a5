// A master's dropdown over a whole column survives the push's rewrite as one range, not as a million
// cells written back as overlapping ranges.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compactValidations } from '../../sync/google/validations.js';

const council: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"Đồng ý,Không đồng ý"'] };
const yesNo: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };

function sheetWith(model: Record<string, ExcelJS.DataValidation>): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet('Tổng hợp');
  (ws as unknown as { dataValidations: { model: object } }).dataValidations.model = model;
  return ws;
}
const modelOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;

describe('compactValidations', () => {
  it('folds per-cell entries back into one range per run of rows with the same rule', () => {
    const model: Record<string, ExcelJS.DataValidation> = { 'B2:B9': yesNo };
    // As exceljs reads them: lexical order, one shared object per range, plus an equal copy.
    for (let r = 2; r <= 20; r++) model[`AD${r}`] = council;
    model.AD21 = { ...council, formulae: [...council.formulae] };
    model.AD23 = council;
    model.AE5 = yesNo;
    const ws = sheetWith(model);
    compactValidations(ws);
    expect(modelOf(ws)).toEqual({ 'B2:B9': yesNo, 'AD2:AD21': council, AD23: council, AE5: yesNo });
  });

  it('keeps runs apart where the rule changes', () => {
    const ws = sheetWith({ C4: council, C2: council, C3: yesNo });
    compactValidations(ws);
    expect(modelOf(ws)).toEqual({ C2: council, C3: yesNo, C4: council });
  });
});
