import type { FakeWorkbook } from '../../addin/preview/fake-excel.js';

declare global {
  interface Window {
    __book: FakeWorkbook;
  }
}
