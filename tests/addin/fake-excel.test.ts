// The stand-in refuses what a real Excel of its level refuses: the add-in's tests are only worth as much.
import { describe, expect, it } from 'vitest';
import { FakeWorkbook, installFakeOffice } from '../../addin/preview/fake-excel.js';

function excelAt(api: string) {
  const book = new FakeWorkbook(
    [
      { name: 'A', values: [['x', 1]] },
      { name: 'Kho', values: [['y']], visibility: 'VeryHidden' },
    ],
    { api },
  );
  const target: Record<string, unknown> = {};
  installFakeOffice(target, book);
  const excel = target.Excel as typeof Excel;
  return { book, run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => excel.run(f) };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

describe('the stand-in Excel', () => {
  it('throws ApiNotFound for a member above its requirement sets', async () => {
    const { run } = excelAt('1.1');
    expect(await code(run(async (ctx) => ctx.workbook.worksheets.getItem('A').getUsedRangeOrNullObject()))).toBe(
      'ApiNotFound',
    );
    expect(await code(run(async (ctx) => ctx.workbook.worksheets.getItem('A').getUsedRange(true)))).toBe('ApiNotFound');
    expect(
      await code(
        run(async (ctx) => {
          ctx.workbook.worksheets.getItem('A').visibility = 'Hidden';
        }),
      ),
    ).toBe('ApiNotFound');
    expect(
      await code(
        run(async (ctx) => {
          ctx.runtime.enableEvents = false;
        }),
      ),
    ).toBe('ApiNotFound');
    const { run: run18 } = excelAt('1.8');
    expect(
      await code(run18(async (ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').getCellProperties({}))),
    ).toBe('ApiNotFound');
    expect(
      await code(run18(async (ctx) => ctx.workbook.worksheets.getItem('A').getUsedRange(true).load('values'))),
    ).toBe('no error');
  });

  it('throws on reading a property that was not loaded and synced', async () => {
    const { run } = excelAt('latest');
    expect(await code(run(async (ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').values))).toBe(
      'PropertyNotLoaded',
    );
    const notSynced = run(async (ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').load('values').values);
    expect(await code(notSynced)).toBe('PropertyNotLoaded');
    const otherProperty = run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('A').getUsedRange().load('values');
      await ctx.sync();
      return r.rowCount;
    });
    expect(await code(otherProperty)).toBe('PropertyNotLoaded');
    const fill = run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('A').getRange('B1').format.fill.load('color');
      await ctx.sync();
      return f.color;
    });
    expect(await fill).toBe('#FFFFFF');
  });

  it('refuses values of another shape than the range', async () => {
    const { run, book } = excelAt('1.1');
    const wrote = run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1:B2').values = [['a', 'b']];
      await ctx.sync();
    });
    expect(await code(wrote)).toBe('InvalidArgument');
    expect(book.sheet('A')!.values).toEqual([['x', 1]]);
  });

  it('refuses to delete a very hidden sheet, as Excel does, and deletes it once made hidden', async () => {
    const { run, book } = excelAt('latest');
    expect(await code(run(async (ctx) => ctx.workbook.worksheets.getItem('Kho').delete()))).toBe('InvalidOperation');
    expect(book.sheet('Kho')).toBeDefined();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kho');
      ws.visibility = 'Hidden';
      ws.delete();
    });
    expect(book.sheet('Kho')).toBeUndefined();
  });

  it('sends what is left queued when Excel.run returns, in one more sync', async () => {
    const { run, book } = excelAt('1.1');
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1').values = [['z']];
    });
    expect(book.syncs).toBe(1);
    expect(book.sheet('A')!.values[0]![0]).toBe('z');
  });
});
