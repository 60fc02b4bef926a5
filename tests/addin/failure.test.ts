// An unexpected failure in the pane or the checker page is told in Vietnamese with what to do; Office's or
// the browser's English stays in the technical detail, never in the sentence.
import { describe, expect, it } from 'vitest';
import { failure, type FailedAction } from '../../addin/src/failure.js';

const office = Object.assign(new Error('The requested resource doesn’t exist.'), { name: 'RichApi.Error' });
const actions: FailedAction[] = ['check', 'checkPage', 'download', 'select', 'clear'];

describe('an unexpected failure', () => {
  it.each(actions)('while doing "%s" says what could not be done and what to do, without the English', (doing) => {
    const told = failure(doing, office);
    expect(told.message).toMatch(/^Không /);
    expect(told.message).toMatch(/Hãy /);
    expect(told.message).not.toMatch(/resource|exist|Error/);
    expect(told.detail).toBe('RichApi.Error: The requested resource doesn’t exist.');
  });

  it('sends a failed check to the Văn phòng Sở when trying again does not help', () => {
    expect(failure('check', office).message).toContain('gửi tệp sổ cho Văn phòng Sở');
    expect(failure('checkPage', new TypeError('x is undefined')).message).toContain('tải lại trang');
  });
});
