// The merge: every file of the inbox gets a verdict, the latest accepted file of each unit wins, and the
// winners' nominations are checked against each other. Pure bookkeeping around intake and the engine.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkAcrossUnits, type Plan } from '../engine/index.js';
import { isIgnored, parseFile, screenFile, type Intake } from './intake/intake.js';
import type { CouncilStatus } from './typed-values/council.js';
import type { FileVerdict, MergeResult, UnitStatus } from './merge-model.js';
import type { ReceivedTimes } from './typed-values/received-time.js';

export interface MergeOptions {
  plan: Plan;
  inbox: string;
  includeLate?: boolean;
  approvedOnly?: boolean;
  /** The council's results carried over from the previous master, by nomination id. */
  council?: ReadonlyMap<string, CouncilStatus>;
  now?: Date;
  /** Called before each file is read: for a progress bar. */
  onFile?: (index: number, total: number, file: string) => void;
  /** Received times the secretariat typed per unit (Theo đơn vị), read in the plan's time zone. */
  officeTimes?: ReceivedTimes;
}

export async function listInbox(inbox: string): Promise<string[]> {
  const entries = await fs.readdir(inbox, { withFileTypes: true });
  return (
    entries
      // Everything but a folder is listed: a link may lead to a file (read) or nowhere, a FIFO or a device
      // named like a workbook is no file — each refused with the reason, never skipped silently.
      .filter((e) => !e.isDirectory() && !isIgnored(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'vi'))
  );
}

export async function merge(opts: MergeOptions): Promise<MergeResult> {
  const { plan } = opts;
  const received = opts.officeTimes ?? { times: new Map<string, Date>(), unreadable: [] };
  const intakes = await readInbox(opts, received.times);
  const winners = latestAccepted(intakes);
  const nominations = plan.units.flatMap((u) => winners.get(u.code)?.check?.nominations ?? []);
  checkAcrossUnits(plan, nominations);
  return {
    plan,
    generatedAt: opts.now ?? new Date(),
    includeLate: Boolean(opts.includeLate),
    approvedOnly: Boolean(opts.approvedOnly),
    council: opts.council ?? new Map(),
    files: fileVerdicts(plan, intakes, winners),
    units: unitStatuses(plan, winners),
    nominations,
    unreadableReceivedTimes: received.unreadable,
    checks: new Map([...winners].map(([unit, w]) => [unit, w.check!])),
  };
}

/** Every file of the inbox screened and parsed, in name order; the next file is read while one is parsed. */
async function readInbox(opts: MergeOptions, officeTimes: ReadonlyMap<string, Date>): Promise<Intake[]> {
  const names = await listInbox(opts.inbox);
  const intakes: Intake[] = [];
  const screen = (i: number) => (i < names.length ? screenFile(path.join(opts.inbox, names[i]!)) : null);
  let next = screen(0);
  for (const [i, name] of names.entries()) {
    opts.onFile?.(i, names.length, name);
    const screened = await next!;
    next = screen(i + 1);
    intakes.push(await parseFile(opts.plan, screened, (unit) => officeTimes.get(unit)));
  }
  return intakes;
}

/** The later received accepted file of a unit wins; ties go to the name sorting last, so runs agree. */
function latestAccepted(intakes: Intake[]): Map<string, Intake> {
  const winners = new Map<string, Intake>();
  for (const it of intakes) {
    const unit = it.check?.accepted ? it.check.unit!.code : null;
    if (!unit) continue;
    const current = winners.get(unit);
    if (!current || it.receivedAt.getTime() >= current.receivedAt.getTime()) winners.set(unit, it);
  }
  return winners;
}

/** One verdict per file: accepted, superseded by a later file of its unit, or rejected. */
function fileVerdicts(plan: Plan, intakes: Intake[], winners: Map<string, Intake>): FileVerdict[] {
  // A refused file names no unit; its name usually does ("SCT-QLNL-de-nghi.xls"), which tells whom to call.
  const byName = [...plan.units].sort((a, b) => b.code.length - a.code.length);
  const unitFromName = (file: string) =>
    byName.find((u) => file.toUpperCase().includes(u.code.toUpperCase()))?.code ?? null;
  return intakes.map((it) => {
    const accepted = Boolean(it.check?.accepted);
    const unit = it.check?.unit?.code ?? null;
    return {
      file: it.file,
      unit: unit ?? (it.check?.info?.unitCode.value ? String(it.check.info.unitCode.value) : unitFromName(it.file)),
      status: !accepted ? 'rejected' : winners.get(unit!) === it ? 'accepted' : 'superseded',
      late: it.check?.late ?? false,
      receivedAt: it.receivedAt,
      fileIssues: it.fileIssues,
      submissionIssues: it.check?.submissionIssues ?? [],
    };
  });
}

/** Every unit of the plan, those that sent nothing included. */
function unitStatuses(plan: Plan, winners: Map<string, Intake>): UnitStatus[] {
  return plan.units.map((u) => {
    const w = winners.get(u.code);
    if (!w) return { unit: u.code, name: u.name, group: u.group, status: 'missing' };
    return {
      unit: u.code,
      name: u.name,
      group: u.group,
      status: w.check!.late ? 'late' : 'submitted',
      file: w.file,
      receivedAt: w.officeReceivedAt ?? w.receivedAt,
      receivedFrom: w.officeReceivedAt ? 'secretariat' : 'file',
      fileReceivedAt: w.receivedAt,
    };
  });
}
