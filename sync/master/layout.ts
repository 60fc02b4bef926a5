// Names in the master workbook that other tools rely on (SPEC §6): sheet names and the columns through
// which the secretariat's typed values are matched back by nomination id (merge, Google Sheets push).
import { NOMINATION_STATUS_LABELS } from '../../engine/index.js';

// In workbook order; the workbook opens on Thống kê, its active tab (leaders read it first).
export const MASTER_SHEETS = {
  tally: 'Tổng hợp',
  documents: 'Văn bản',
  stats: 'Thống kê',
  units: 'Theo đơn vị',
  issues: 'Lỗi',
  unmatched: 'Ghi chú không khớp',
} as const;

/** Column of Tổng hợp holding the nomination id. */
export const ID_HEADER = 'Mã đề nghị';

/** The secretariat's own columns: never computed, only carried over by id. */
export const TALLY_TYPED_HEADERS = {
  office: 'Ý kiến Văn phòng',
  council: 'Kết quả Hội đồng',
  officeNote: 'Ghi chú Văn phòng',
  /** SPEC §8: the council's votes for the proposal, a number or a percentage. */
  votes: 'Số phiếu đồng ý',
  /** SPEC §8: what the decider outside the Sở decided. */
  higher: 'Kết quả cấp trên',
} as const;
export type TallyTypedKey = keyof typeof TALLY_TYPED_HEADERS;
export const TALLY_TYPED_KEYS = Object.keys(TALLY_TYPED_HEADERS) as TallyTypedKey[];

/** Column of Theo đơn vị holding the unit code, and the received time the secretariat types (SPEC §7). */
export const UNIT_CODE_HEADER = 'Mã đơn vị';
export const RECEIVED_BY_OFFICE_HEADER = 'Thời điểm nhận (Văn phòng ghi)';

export const COUNCIL_VALUES = { approve: 'Đồng ý', reject: 'Không đồng ý' } as const;
export const HIGHER_VALUES = { awarded: 'Được khen', notAwarded: 'Không được khen' } as const;

/** Trạng thái of a row of Tổng hợp: a nomination's status, or a row withdrawn from the inbox. */
export const STATUS_LABELS = { ...NOMINATION_STATUS_LABELS, withdrawn: 'Đã rút' } as const;

export const STATUS_HEADER = 'Trạng thái';

/** Tổng hợp column saying whether the nomination is in its form's list (and so in the documents). */
export const LISTED_HEADER = 'Đưa vào danh sách';
export const LISTED_VALUES = { yes: 'Có', no: 'Không' } as const;
