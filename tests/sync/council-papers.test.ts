// The papers after the Tờ trình, read back as a unit and as the council would (SPEC §8): the reminder to a
// unit without a usable file while the deadline is open, the answer to a late unit, then — once the council
// has decided — its minutes and the notice of results to every unit that sent a file. One campaign: Ba Tơ
// on time (rows with errors), Sơn Tây late, Quản lý Năng lượng's .xls refused, Lý Sơn silent, Đức Phổ's
// council met after its own Tờ trình (an error on the whole file, none on its rows).
import { execFileSync } from 'node:child_process';
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { HIGHER_VALUES, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { DOCUMENTS_KEYS, fillWording, higherKey } from '../../sync/master/documents-sheet.js';
import { runDocuments } from '../../sync/documents-command.js';
import { runInProcess } from '../run-in-process.js';
import { hasSoffice, soffice } from '../soffice.js';
import { docxParagraphs, zipEntry } from '../zip.js';
import { BCT, GK, person, typeTally, UBND } from './campaign.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, PLAN, runSync, tmpDir, unit } from './inbox.js';

const BEFORE_DEADLINE = new Date('2021-04-14T09:00:00+07:00');
const AFTER_MEETING = new Date('2021-04-25T09:00:00+07:00');
const documentsAt = (now: Date, args: string[]) => runInProcess((a) => runDocuments(a, { now }), args);
const text = async (file: string) => (await docxParagraphs(file)).join('\n');
const bySpace = (s: string) => s.replace(/\s+/g, ' ');

const { council, minutes, notice, reminder, lateReply } = PLAN.documents! as Required<
  NonNullable<typeof PLAN.documents>
>;
describe('sync documents: the council and the units', () => {
  const dir = tmpDir('council-papers');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const out = path.join(dir, 'van-ban');
  const early = path.join(dir, 'early');
  let before: Awaited<ReturnType<typeof documentsAt>>;
  let after: Awaited<ReturnType<typeof documentsAt>>;

  beforeAll(async () => {
    await fs.mkdir(inbox, { recursive: true });
    const rows = [
      person('Phạm Văn Đồng', BCT, { birthYear: 1976 }),
      person('Trần Thị Bích', BCT),
      person('Ngô Thị Hoa', GK),
      person('Lê Văn Sai', GK, { birthYear: 1890 }),
      person('Hồ Văn Khước', BCT),
      person('Đào Thị Thường', UBND, { outstanding: 'Không' }),
    ];
    await writeUnitFile(PLAN, inbox, unit('H-BATO', { collectives: 0, individuals: 0, extraRows: rows }));
    await writeUnitFile(
      PLAN,
      inbox,
      unit('H-SONTAY', {
        collectives: 0,
        individuals: 0,
        receivedAt: new Date('2021-04-17T08:30:00+07:00'),
        extraRows: [person('Đinh Văn Muộn', GK)],
      }),
    );
    await writeUnitFile(
      PLAN,
      inbox,
      unit('TX-DUCPHO', {
        collectives: 0,
        individuals: 0,
        info: { meetingDate: new Date(Date.UTC(2021, 3, 11)) },
        extraRows: [person('Võ Ngọc Thảo', GK)],
      }),
    );
    await fs.writeFile(
      path.join(inbox, 'SCT-QLNL-de-nghi.xls'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(2);
    before = await documentsAt(BEFORE_DEADLINE, ['--master', master, '--out', out]);
    await fs.cp(out, early, { recursive: true });

    const wb = await openWorkbook(master);
    const [votes, result] = [TALLY_TYPED_HEADERS.votes, TALLY_TYPED_HEADERS.council];
    typeTally(wb, {
      'Phạm Văn Đồng': { [result]: 'Đồng ý', [votes]: 7, [TALLY_TYPED_HEADERS.higher]: HIGHER_VALUES.awarded },
      'Trần Thị Bích': { [result]: 'Không đồng ý', [votes]: 3 },
      'Ngô Thị Hoa': { [result]: 'Đồng ý', [votes]: 0.8 },
      'Hồ Văn Khước': { [result]: 'Đồng ý', [votes]: 8, [TALLY_TYPED_HEADERS.higher]: HIGHER_VALUES.notAwarded },
    });
    typeRegister(wb, {
      [GK.code]: { value: '127/QĐ-SCT', date: new Date(Date.UTC(2021, 3, 22)) },
      [higherKey(BCT)]: { value: '2345/QĐ-BCT', date: new Date(Date.UTC(2021, 4, 10)) },
      [DOCUMENTS_KEYS.meetingDate]: { value: new Date(Date.UTC(2021, 3, 20)) },
      [DOCUMENTS_KEYS.membersPresent]: { value: 9 },
    });
    await wb.xlsx.writeFile(master);
    after = await documentsAt(AFTER_MEETING, ['--master', master, '--out', out]);
  }, 240_000);

  it('while the deadline is open, reminds every unit without a usable file, naming what was refused and why', async () => {
    expect(before.stderr).toBe('');
    expect(before.code).toBe(0);
    const refused = bySpace(await text(path.join(early, 'don-doc', 'SCT-QLNL.docx')));
    expect(refused).toContain('Kính gửi: Phòng Quản lý Năng lượng');
    expect(refused).toContain('SCT-QLNL-de-nghi.xls');
    expect(refused).toMatch(/\.xlsx/); // the intake's reason: not the template's .xlsx
    // A signed letter states the reason; the how-to of a spreadsheet program is the unit's feedback's.
    expect(refused).not.toMatch(/Hãy|›|LibreOffice|WPS/);
    expect(refused).toContain('ngày 15 tháng 4 năm 2021');
    expect(refused).toContain('chậm nhất đến hết ngày 15 tháng 4 năm 2021');
    expect(refused).not.toContain('trước hết');
    expect(refused).toContain(`V/v ${reminder.subject.replace(/^V\/v /, '')}`);
    const silent = bySpace(await text(path.join(early, 'don-doc', 'H-LYSON.docx')));
    expect(silent).toContain('chưa nhận được hồ sơ');
    expect(silent).not.toContain('không tiếp nhận được');
    // Units with a usable file get none; one per unit of the plan without one.
    const reminded = await fs.readdir(path.join(early, 'don-doc'));
    expect(reminded).not.toContain('H-BATO.docx');
    expect(reminded).not.toContain('H-SONTAY.docx');
    expect(reminded).toHaveLength(PLAN.units.length - 3);
    expect(before.stdout).toContain('don-doc');
  });

  it('answers the late unit: when its file came, the deadline, and that it is not in the lists', async () => {
    const late = bySpace(await text(path.join(early, 'tra-loi-nop-muon', 'H-SONTAY.docx')));
    expect(late).toContain('Kính gửi: Phòng Kinh tế và Hạ tầng huyện Sơn Tây');
    expect(late).toContain('ngày 17 tháng 4 năm 2021');
    expect(late).toContain('ngày 15 tháng 4 năm 2021');
    expect(late).toContain(bySpace(lateReply.excluded.replace('{council}', council)));
    expect(existsSync(path.join(early, 'tra-loi-nop-muon', 'H-BATO.docx'))).toBe(false);
  });

  it('writes no minutes and no notice before the council has decided anything', () => {
    expect(existsSync(path.join(early, 'bien-ban-hoi-dong.docx'))).toBe(false);
    expect(existsSync(path.join(early, 'thong-bao'))).toBe(false);
  });

  it('once the deadline has passed, writes no reminder and removes the earlier ones', () => {
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    expect(existsSync(path.join(out, 'don-doc'))).toBe(false);
  });

  it('the minutes give the meeting, the members present and each nominee with result and vote share', async () => {
    const body = bySpace(await text(path.join(out, 'bien-ban-hoi-dong.docx')));
    expect(body).toContain(minutes.title!);
    expect(body).toContain('ngày 20 tháng 4 năm 2021');
    expect(body).toContain('9 thành viên');
    expect(body).toMatch(/Phạm Văn Đồng.*Phòng Kinh tế và Hạ tầng huyện Ba Tơ.*7\/9.*Đồng ý/);
    expect(body).toMatch(/Trần Thị Bích.*3\/9.*Không đồng ý/);
    expect(body).toMatch(/Ngô Thị Hoa.*80%.*Đồng ý/);
    expect(body.indexOf(BCT.label)).toBeLessThan(body.indexOf(GK.label));
    // Only what the council considered: not the row with an error, not the late file left out.
    expect(body).not.toContain('Lê Văn Sai');
    expect(body).not.toContain('Đinh Văn Muộn');
    // Nothing claimed that was not typed: the chair and the hour stay dotted blanks.
    expect(body).toContain('Chủ trì: ……');
    const xml = await zipEntry(path.join(out, 'bien-ban-hoi-dong.docx'), 'word/header1.xml').catch(() => '');
    expect(xml).not.toContain('DỰ THẢO');
  });

  it('every unit that sent a file gets the notice of its results, with where each approved name goes and why others do not', async () => {
    expect((await fs.readdir(path.join(out, 'thong-bao'))).sort()).toEqual([
      'H-BATO.docx',
      'H-SONTAY.docx',
      'SCT-QLNL.docx',
      'TX-DUCPHO.docx',
    ]);
    const bato = bySpace(await text(path.join(out, 'thong-bao', 'H-BATO.docx')));
    expect(bato).toContain(notice.title!);
    expect(bato).toContain('Phòng Kinh tế và Hạ tầng huyện Ba Tơ');
    const approvedAt = bato.indexOf(notice.approved);
    const notAt = bato.indexOf(notice.notApproved);
    expect(approvedAt).toBeGreaterThan(0);
    expect(notAt).toBeGreaterThan(approvedAt);
    const approved = bato.slice(approvedAt, notAt);
    // What the Minister decided, once typed in Kết quả cấp trên, under the decision typed in Văn bản.
    const minister = { decider: BCT.document!.addressee! };
    expect(approved).toContain(
      `Phạm Văn Đồng ${BCT.label} ${fillWording(notice.awarded, minister)} theo Quyết định số 2345/QĐ-BCT ngày 10 tháng 5 năm 2021`,
    );
    expect(approved).toContain(`Hồ Văn Khước ${BCT.label} ${fillWording(notice.notAwarded, minister)}`);
    // The Sở's own Quyết định, once its number is typed: awarded, not still to be submitted.
    expect(approved).toContain(
      `Ngô Thị Hoa ${GK.label} ${fillWording(notice.awarded, { decider: GK.decidedBy })} theo Quyết định số 127/QĐ-SCT ngày 22 tháng 4 năm 2021`,
    );
    expect(approved).not.toContain(notice.decidedHere);
    const refused = bato.slice(notAt);
    expect(refused).toContain(`Trần Thị Bích`);
    expect(refused).toContain(notice.rejected.replace('{council}', council));
    expect(refused).toMatch(/Lê Văn Sai.*Năm sinh/i);
    // Each reason says what was not met, not how to mend the spreadsheet.
    expect(refused).toMatch(/Đào Thị Thường.*tiêu biểu xuất sắc/);
    expect(refused).not.toMatch(/Hãy|Cột "/);
    // Results, not what comes next: the column says what became of each name.
    expect(bato).not.toContain('Tiếp theo');
    expect(bato).toMatch(/Hình thức đề nghị Kết quả/);
    // An error on the unit's whole file is the reason of every row: never a blank left in dots.
    const ducpho = bySpace(await text(path.join(out, 'thong-bao', 'TX-DUCPHO.docx')));
    expect(ducpho).toMatch(/Võ Ngọc Thảo.*họp bình xét.*Tờ trình/);
    expect(ducpho.slice(ducpho.indexOf(notice.notApproved))).not.toContain('……');
    const sontayNotice = bySpace(await text(path.join(out, 'thong-bao', 'H-SONTAY.docx')));
    expect(sontayNotice).toMatch(/Đinh Văn Muộn.*sau thời hạn/);
    const qlnl = bySpace(await text(path.join(out, 'thong-bao', 'SCT-QLNL.docx')));
    expect(qlnl).toContain('SCT-QLNL-de-nghi.xls');
    expect(qlnl).not.toMatch(/Hãy|›|LibreOffice|WPS|gửi lại/);
    expect(after.stdout).toContain('bien-ban-hoi-dong.docx');
  });

  it("places the decision where the plan's wording of an award says {decision}", async () => {
    const plan = path.join(dir, 'plan.json');
    const placed = { ...notice, awarded: 'Được {decider} tặng Bằng khen tại {decision}' };
    await fs.writeFile(plan, JSON.stringify({ ...PLAN, documents: { ...PLAN.documents, notice: placed } }));
    const elsewhere = path.join(dir, 'placed');
    const run = await documentsAt(AFTER_MEETING, ['--master', master, '--out', elsewhere, '--plan', plan]);
    expect(run.stderr).toBe('');
    const bato = bySpace(await text(path.join(elsewhere, 'thong-bao', 'H-BATO.docx')));
    expect(bato).toContain('tặng Bằng khen tại Quyết định số 2345/QĐ-BCT ngày 10 tháng 5 năm 2021');
    expect(bato).not.toContain('theo Quyết định');
  });

  it('names in the minutes who chaired and who kept them, once typed in Văn bản; until then can-xu-ly asks for them', async () => {
    const asked = bySpace(await text(path.join(out, 'can-xu-ly.docx')));
    expect(asked).toContain(`Họ và tên người chủ trì cuộc họp (trang "Văn bản", dòng ${DOCUMENTS_KEYS.chair})`);
    expect(asked).toContain(`Họ và tên thư ký cuộc họp (trang "Văn bản", dòng ${DOCUMENTS_KEYS.secretary})`);
    const named = path.join(dir, 'master-co-ten.xlsx');
    await fs.copyFile(master, named);
    const wb = await openWorkbook(named);
    typeRegister(wb, {
      [DOCUMENTS_KEYS.chair]: { value: 'Nguyễn Văn Tám' },
      [DOCUMENTS_KEYS.secretary]: { value: 'Lê Thị Thu' },
    });
    await wb.xlsx.writeFile(named);
    const elsewhere = path.join(dir, 'co-ten');
    const run = await documentsAt(AFTER_MEETING, ['--master', named, '--out', elsewhere]);
    expect(run.stderr).toBe('');
    const paras = await docxParagraphs(path.join(elsewhere, 'bien-ban-hoi-dong.docx'));
    const body = bySpace(paras.join('\n'));
    expect(body).toContain('Chủ trì: Nguyễn Văn Tám, Chủ tịch Hội đồng.');
    expect(body).toContain('Thư ký: Lê Thị Thu.');
    // Under the signatures, the names as typed.
    expect(paras.filter((p) => p === 'Nguyễn Văn Tám' || p === 'Lê Thị Thu')).toHaveLength(2);
    expect(run.stdout).not.toContain('chủ trì cuộc họp');
  });

  it('lists in can-xu-ly a name approved under a decision typed above whose Kết quả cấp trên is blank', async () => {
    const settle = path.join(out, 'can-xu-ly.docx');
    if (existsSync(settle)) expect(await text(settle)).not.toContain(TALLY_TYPED_HEADERS.higher);
    const blank = path.join(dir, 'master-chua-ghi.xlsx');
    await fs.copyFile(master, blank);
    const wb = await openWorkbook(blank);
    typeTally(wb, { 'Phạm Văn Đồng': { [TALLY_TYPED_HEADERS.higher]: null } });
    await wb.xlsx.writeFile(blank);
    const elsewhere = path.join(dir, 'chua-ghi');
    const run = await documentsAt(AFTER_MEETING, ['--master', blank, '--out', elsewhere]);
    expect(run.stderr).toBe('');
    const open = bySpace(await text(path.join(elsewhere, 'can-xu-ly.docx')));
    expect(open).toContain(`chưa ghi ${TALLY_TYPED_HEADERS.higher}`);
    expect(open).toMatch(/Phạm Văn Đồng[^.]*BK Bộ trưởng/);
    expect(run.stdout).toContain(`chưa ghi ${TALLY_TYPED_HEADERS.higher}`);
  });

  it('still fills the counts of a plan written before {nominees}: {collectives} and {individuals}', async () => {
    const plan = path.join(dir, 'plan-cu.json');
    const older = JSON.stringify(PLAN).replaceAll('{nominees}', '{collectives} tập thể và {individuals} cá nhân');
    await fs.writeFile(plan, older);
    const elsewhere = path.join(dir, 'older');
    const run = await documentsAt(AFTER_MEETING, ['--master', master, '--out', elsewhere, '--plan', plan]);
    expect(run.stderr).toBe('');
    const letter = bySpace(await text(path.join(elsewhere, `to-trinh-${BCT.code}.docx`)));
    expect(letter).toMatch(/cho \d+ tập thể và \d+ cá nhân/);
    expect(letter).not.toMatch(/\{\w+\}/);
  });

  it.runIf(hasSoffice())(
    'prints each paper on A4 without a blank page',
    async () => {
      const files = {
        minutes: path.join(out, 'bien-ban-hoi-dong.docx'),
        notice: path.join(out, 'thong-bao', 'H-BATO.docx'),
        reminder: path.join(early, 'don-doc', 'SCT-QLNL.docx'),
        late: path.join(early, 'tra-loi-nop-muon', 'H-SONTAY.docx'),
      };
      // One LibreOffice run for all: distinct names, as the units' papers share their file names.
      const flat = path.join(dir, 'flat');
      await fs.mkdir(flat, { recursive: true });
      for (const [k, f] of Object.entries(files)) await fs.copyFile(f, path.join(flat, `${k}.docx`));
      await soffice(
        'pdf',
        path.join(dir, 'pdf'),
        Object.keys(files).map((k) => path.join(flat, `${k}.docx`)),
      );
      for (const k of Object.keys(files)) {
        const pdf = path.join(dir, 'pdf', `${k}.pdf`);
        const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
        for (const p of pages) expect(p.replace(/\s+/g, ' ').trim().length, `${k}: a blank page`).toBeGreaterThan(20);
        expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
        const all = bySpace(pages.join(' '));
        expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      }
    },
    240_000,
  );
});
