// What a merge produces, before it is written anywhere: the verdict on every file, the status of every
// unit of the plan, and every nomination of the accepted files. The master workbook and the JSON report
// are two views of this.
import type { Issue, Nomination, Plan, WorkbookCheck } from '../engine/index.js';
import type { CouncilStatus, Outcome } from './typed-values/council.js';

export type FileStatus = 'accepted' | 'rejected' | 'superseded';

export interface FileVerdict {
  /** File name inside the inbox. */
  file: string;
  unit: string | null;
  status: FileStatus;
  late: boolean;
  /** The file's own time (modification time, or Drive's). */
  receivedAt: Date;
  /** Every file-level issue (rejected files): the first is the report's `error`, all are in the Lỗi sheet. */
  fileIssues: Issue[];
  /** For accepted/superseded files: the submission-level issues found on Thông tin. */
  submissionIssues: Issue[];
}

export type UnitSubmissionStatus = 'submitted' | 'late' | 'missing';

export interface UnitStatus {
  unit: string;
  name: string;
  group: string;
  status: UnitSubmissionStatus;
  /** The accepted file of the unit, when there is one. */
  file?: string;
  /** When the Sở received the unit's submission: the secretariat's own record when it typed one, else the file's time. */
  receivedAt?: Date;
  receivedFrom?: 'file' | 'secretariat';
  /** The accepted file's own time (modification time, or Drive's), shown beside the secretariat's. */
  fileReceivedAt?: Date;
}

export interface MergeResult {
  plan: Plan;
  generatedAt: Date;
  includeLate: boolean;
  /** Lists carry only the nominations the council approved (final documents). */
  approvedOnly: boolean;
  /** The council's result typed in the previous master, by keyOf(nomination id); absent = pending. */
  council: ReadonlyMap<string, CouncilStatus>;
  /** Votes and higher results typed in the previous master, by nomination id (SPEC §8). */
  outcomes?: ReadonlyMap<string, Outcome>;
  /** Members of the council present, typed once in Văn bản. */
  membersPresent?: number | null;
  files: FileVerdict[];
  units: UnitStatus[];
  /** Nominations of accepted files only, in file then sheet then row order. */
  nominations: Nomination[];
  /** Received times typed by the secretariat that could not be read as a time: the file's time was used. */
  unreadableReceivedTimes: { unit: string; text: string }[];
  /** The check of each unit's accepted file (its nominations are the ones above): what feedback marks. */
  checks: Map<string, WorkbookCheck>;
}
