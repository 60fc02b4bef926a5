// Names in the master workbook that other tools rely on (SPEC §6): sheet names and the columns through
// which the secretariat's typed values are matched back by nomination id (merge, Google Sheets push).
export const MASTER_SHEETS = {
  tally: 'Tổng hợp',
  units: 'Theo đơn vị',
  issues: 'Lỗi',
  stats: 'Thống kê',
} as const;

/** Column of Tổng hợp holding the nomination id. */
export const ID_HEADER = 'Mã đề nghị';

/** The secretariat's own columns: never computed, only carried over by id. */
export const SECRETARIAT_HEADERS = {
  office: 'Ý kiến Văn phòng',
  council: 'Kết quả Hội đồng',
  officeNote: 'Ghi chú Văn phòng',
} as const;
export type SecretariatKey = keyof typeof SECRETARIAT_HEADERS;

export const COUNCIL_VALUES = { approve: 'Đồng ý', reject: 'Không đồng ý' } as const;

/** Trạng thái of a row of Tổng hợp. */
export const STATUS_LABELS = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  late: 'Gửi muộn',
  withdrawn: 'Đã rút',
} as const;

export const STATUS_HEADER = 'Trạng thái';
