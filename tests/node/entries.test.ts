// Every command a user starts goes through the one command runner: a step that throws a programming error
// (here loading the plan, the step every command shares, throws a TypeError) is told in Vietnamese as
// unexpected, with the log file holding the TypeError's own text, and never shows that text.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main as campaign } from '../../campaign/cli.js';
import { main as demo } from '../../dev/demo.js';
import { main as sync } from '../../sync/cli.js';
import { main as templates } from '../../templates/cli.js';
import { main as plan } from '../../templates/plan-cli.js';
import { runInProcess } from '../run-in-process.js';
import { tmpDir } from '../sync/inbox.js';
import { ENGLISH, namedLog } from './voice.js';

const FAULT = "Cannot read properties of undefined (reading 'units')";

vi.mock('../../node/plan-file.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../node/plan-file.js')>()),
  loadPlan: () => Promise.reject(new TypeError(FAULT)),
}));

const dir = tmpDir('entries');
const inbox = path.join(dir, 'hop-thu');
const master = path.join(dir, 'tong-hop.xlsx');
beforeAll(async () => {
  await fs.mkdir(inbox);
  await fs.writeFile(master, 'sổ tổng hợp giả');
});

type Main = (argv: string[]) => Promise<number>;

describe('a step that throws a TypeError', () => {
  it.each<[string, Main, string[]]>([
    ['sync merge', sync, ['merge', '--inbox', inbox, '--out', path.join(dir, 'moi.xlsx')]],
    ['sync documents', sync, ['documents', '--master', master, '--out', path.join(dir, 'van-ban')]],
    ['sync register', sync, ['register', '--master', master, '--register', path.join(dir, 'so-theo-doi.xlsx')]],
    ['sync pull', sync, ['pull', '--drive-folder', 'ma-thu-muc', '--inbox', inbox]],
    ['sync push', sync, ['push', '--sheet', 'ma-bang-tinh', '--master', master]],
    ['templates', templates, ['--out', path.join(dir, 'so-mau')]],
    ['plan export', plan, ['export', '--plan', 'ke-hoach.json', '--out', path.join(dir, 'Ke-hoach.xlsx')]],
    ['campaign new', campaign, ['new', path.join(dir, 'dot-moi'), '--plan', 'ke-hoach.json']],
    ['demo', demo, []],
  ])('in %s is said in Vietnamese with its log, exit 1', async (_, main, argv) => {
    const r = await runInProcess(main, argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Lỗi không mong đợi/);
    expect(r.stderr + r.stdout).not.toMatch(ENGLISH);
    expect(await namedLog(r.stderr)).toContain(`TypeError: ${FAULT}`);
  });
});
