// The campaign folder: where each thing lives (one table), and its settings file (dot-thi-dua.json), which
// the secretariat may edit: the plan file, late and approved-only lists, prefilled reports, Google ids.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ToldError, zodIssueText } from '../engine/index.js';
import { fileError } from '../node/fs-errors.js';

export const SETTINGS_FILE = 'dot-thi-dua.json';

export const CAMPAIGN_LAYOUT = {
  /** The campaign's plan, as the workbook the secretariat edits. */
  plan: 'Ke-hoach.xlsx',
  guide: 'HUONG-DAN.txt',
  /** Windows: double-click to run the campaign. */
  script: 'chay-tong-hop.cmd',
  /** What the Sở sends to the units: the templates, the blank report forms, the checker page. */
  send: 'gui-don-vi',
  templates: 'so-mau',
  /** Where the units' files go (by hand, or pulled from Google Drive). */
  inbox: 'hop-thu',
  results: 'ket-qua',
  master: 'ket-qua/tong-hop.xlsx',
  report: 'ket-qua/bao-cao.json',
  feedback: 'ket-qua/phan-hoi',
  documents: 'ket-qua/van-ban',
} as const;

const Settings = z.object({
  /** The plan file, relative to the folder (.xlsx or .json). */
  plan: z.string().min(1),
  includeLate: z.boolean().default(false),
  approvedOnly: z.boolean().default(false),
  prefill: z.boolean().default(true),
  google: z
    .object({
      /** Pull the units' files from this Drive folder before each run. */
      driveFolder: z.string().optional(),
      /** Push the master to this Sheet after each run. */
      sheet: z.string().optional(),
      credentials: z.string().optional(),
    })
    .optional(),
});
export type CampaignSettings = z.infer<typeof Settings>;

export async function readSettings(dir: string): Promise<CampaignSettings> {
  const file = path.join(dir, SETTINGS_FILE);
  const parsed = Settings.safeParse(await readJson(dir, file), { error: zodIssueText });
  if (!parsed.success)
    throw new ToldError(
      `Tệp cài đặt "${file}" không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ')}. Hãy sửa tệp rồi chạy lại.`,
    );
  return parsed.data;
}

async function readJson(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ToldError(
        `"${dir}" không phải thư mục đợt thi đua (không có ${SETTINGS_FILE}); lập bằng: npm run campaign -- new THƯ_MỤC --plan KẾ_HOẠCH`,
      );
    throw fileError(e, 'đọc được tệp cài đặt', file);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ToldError(
      `Tệp cài đặt "${file}" không phải JSON hợp lệ (thiếu dấu ngoặc, dấu phẩy hoặc dấu nháy?). Hãy sửa tệp rồi chạy lại.`,
      { cause: e },
    );
  }
}
