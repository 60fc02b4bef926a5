// The JSON report (SPEC §5, §7): the contract fields, the council's result and list membership of each
// nomination, plus unit names and issue locations for convenience.
import { formatIssue, issueDetail, type Issue } from '../engine/index.js';
import type { MergeResult } from './merge-model.js';
import { isListed, listRule, standingOf } from './statuses.js';
import { outcomeFields, stagesReport } from './council-outcomes.js';

export function buildReport(result: MergeResult) {
  const rule = listRule(result);
  return {
    plan: result.plan.id,
    generatedAt: result.generatedAt.toISOString(),
    files: result.files.map((f) => ({
      file: f.file,
      unit: f.unit,
      status: f.status,
      late: f.late,
      receivedAt: f.receivedAt.toISOString(),
      // A rejected file's reason: its first file-level issue.
      ...(f.fileIssues[0] ? { error: fileError(f.fileIssues[0]) } : {}),
    })),
    units: result.units.map((u) => ({
      unit: u.unit,
      name: u.name,
      status: u.status,
      file: u.file ?? null,
      receivedAt: u.receivedAt?.toISOString() ?? null,
      receivedFrom: u.receivedFrom ?? null,
    })),
    lists: { includeLate: rule.includeLate, approvedOnly: rule.approvedOnly },
    membersPresent: result.membersPresent ?? null,
    stages: stagesReport(result),
    nominations: result.nominations.map((n) => {
      const standing = standingOf(result, n);
      return {
        id: n.id,
        unit: n.unit,
        type: n.type,
        name: n.name,
        birthYear: n.birthYear,
        form: n.form,
        status: n.status,
        council: standing.council,
        listed: isListed(standing, rule),
        ...outcomeFields(result, n),
        issues: n.issues.map((i) => ({
          code: i.code,
          severity: i.severity,
          column: i.column ?? null,
          message: formatIssue(i),
          sheet: i.sheet ?? null,
          row: i.row ?? null,
        })),
        source: { file: n.source.file ?? null, sheet: n.source.sheet, row: n.source.row },
      };
    }),
  };
}

/** A rejected file's reason; `detail` (beyond SPEC §5's fields) keeps a fault's technical text for whoever reads the log. */
function fileError(issue: Issue) {
  const detail = issueDetail(issue);
  return { code: issue.code, message: formatIssue(issue), ...(detail ? { detail } : {}) };
}
