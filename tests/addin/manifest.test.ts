// The XML manifest, read offline with office-addin-manifest (its validate command needs Microsoft's service).
import { readFileSync } from 'node:fs';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../addin/icons.js';
import { CHECK_BUTTON } from '../../engine/index.js';

const xml = readFileSync('manifest.xml', 'utf8');

describe('manifest.xml', () => {
  it('is a task pane add-in for workbooks that may read and write the document', async () => {
    const info = await OfficeAddinManifest.readManifestFile('manifest.xml');
    expect(info).toMatchObject({
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      defaultLocale: 'vi-VN',
    });
    expect(info.displayName).toBe('Kiểm tra hồ sơ khen thưởng');
    expect(info.description).toContain('tiêu chuẩn, tuyến trình và hạn gửi');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('declares ExcelApi 1.1, the set the add-in truly needs (tests/addin/excel.test.ts runs it at 1.1)', () => {
    expect([...xml.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['ExcelApi', '1.1'],
    ]);
    // What needs more is probed at run time through the member table, never required by the manifest.
    const source = readFileSync('addin/src/excel.ts', 'utf8');
    expect(source).toContain("has('Worksheet.visibility=')");
    expect(source).toContain("has('Runtime.enableEvents')");
    expect(source).not.toMatch(/OrNullObject|getCellProperties|getRangeByIndexes/);
  });

  it('puts a button that opens the pane on the Home tab, with icons the build makes', () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    // The one label the guide, the pane and the feedback workbooks name the button by.
    expect(xml).toContain(`<bt:String id="Button.Label" DefaultValue="${CHECK_BUTTON}"/>`);
    for (const [, size] of xml.matchAll(/assets\/icon-(\d+)\.png/g)) expect(ICON_SIZES).toContain(Number(size));
  });
});
