// The one line that tells the clerk what this Excel can do with the add-in and what it cannot.
import type { Capabilities } from './excel.js';

export function supportLine(caps: Capabilities): string {
  if (caps.live) return `Excel này (ExcelApi ${caps.api}) hỗ trợ đủ: kiểm tra, tô màu ô và tự kiểm tra lại khi sửa ô.`;
  return (
    `Excel này (ExcelApi ${caps.api}) hỗ trợ kiểm tra và tô màu ô; chưa hỗ trợ tự kiểm tra lại khi sửa ô ` +
    '(cần ExcelApi 1.8 trở lên: Excel 2021, Microsoft 365 hoặc Excel trên web).'
  );
}
