// The XML manifest, read offline with office-addin-manifest (its validate command needs Microsoft's service).
import { readFileSync } from 'node:fs';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../addin/icons.js';

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

  it('declares only the Excel API set the code cannot do without', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.4"\/>/);
    // What needs more is checked at run time, never required by the manifest.
    const source = readFileSync('addin/src/excel.ts', 'utf8');
    for (const v of ['1.7', '1.8', '1.9']) expect(source).toContain(`has('${v}')`);
    expect(source).not.toContain('getRangeByIndexes'); // ExcelApi 1.7
  });

  it('puts a button that opens the pane on the Home tab, with icons the build makes', () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toContain('<bt:String id="Button.Label" DefaultValue="Kiểm tra hồ sơ"/>');
    for (const [, size] of xml.matchAll(/assets\/icon-(\d+)\.png/g)) expect(ICON_SIZES).toContain(Number(size));
  });
});
