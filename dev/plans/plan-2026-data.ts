// What the secretariat types into the 2026 plan workbook (see make-2026.ts). EXAMPLE DATA: the commune-level
// units are invented, plausible names for the merged Quảng Ngãi province, not an official list.

/** A code from a Vietnamese name: no diacritics, upper case, words joined. */
const codeOf = (prefix: string, name: string): string =>
  `${prefix}-${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'D')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toUpperCase()}`;

export const SO_UNITS: [string, string][] = [
  ['SCT-VP', 'Văn phòng Sở'],
  ['SCT-TTR', 'Thanh tra Sở'],
  ['SCT-KHTC', 'Phòng Kế hoạch – Tài chính'],
  ['SCT-QLTM', 'Phòng Quản lý Thương mại'],
  ['SCT-QLCN', 'Phòng Quản lý Công nghiệp'],
  ['SCT-QLNL', 'Phòng Quản lý Năng lượng'],
  ['SCT-QLTT', 'Chi cục Quản lý thị trường'],
  ['SCT-TTKC', 'Trung tâm Khuyến công và Xúc tiến thương mại'],
];

const WARDS = [
  'Cẩm Thành',
  'Nghĩa Lộ',
  'Trương Quang Trọng',
  'Đức Phổ',
  'Trà Câu',
  'Sa Huỳnh',
  'Kon Tum',
  'Đăk Cấm',
  'Đăk Bla',
];
const COMMUNE_NAMES = [
  'Bình Sơn',
  'Vạn Tường',
  'Đông Sơn',
  'Bình Minh',
  'Bình Chương',
  'Bình Hiệp',
  'Sơn Tịnh',
  'Thọ Phong',
  'Trường Giang',
  'Tịnh Khê',
  'Tư Nghĩa',
  'Nghĩa Giang',
  'Vệ Giang',
  'Trà Giang',
  'Nghĩa Hành',
  'Đình Cương',
  'Thiện Tín',
  'Phước Giang',
  'Long Phụng',
  'Mỏ Cày',
  'Mộ Đức',
  'Lân Phong',
  'Nguyễn Nghiêm',
  'Khánh Cường',
  'Ba Tơ',
  'Ba Vì',
  'Ba Dinh',
  'Ba Vinh',
  'Ba Xa',
  'Ba Động',
  'Đặng Thùy Trâm',
  'Minh Long',
  'Sơn Mai',
  'Sơn Hà',
  'Sơn Lập',
  'Sơn Linh',
  'Sơn Thủy',
  'Sơn Kỳ',
  'Sơn Tây',
  'Sơn Tây Thượng',
  'Sơn Tây Hạ',
  'Trà Bồng',
  'Đông Trà Bồng',
  'Tây Trà',
  'Thanh Bồng',
  'Cà Đam',
  'Tây Trà Bồng',
  'Lý Sơn',
  'An Phú',
  'Tịnh Ấn',
  'Nghĩa Thắng',
  'Đăk Hà',
  'Đăk Pxi',
  'Đăk Mar',
  'Đăk Ui',
  'Ngọk Réo',
  'Đăk Tô',
  'Kon Đào',
  'Ngọk Tụ',
  'Đăk Sao',
  'Đăk Tờ Kan',
  'Tu Mơ Rông',
  'Măng Ri',
  'Ngọc Hồi',
  'Đăk Dục',
  'Đăk Plô',
  'Bờ Y',
  'Sa Loong',
  'Đăk Glei',
  'Đăk Pék',
  'Đăk Môn',
  'Xốp',
  'Ngọc Linh',
  'Đăk Long',
  'Kon Plông',
  'Măng Đen',
  'Măng Bút',
  'Kon Rẫy',
  'Đăk Kôi',
  'Đăk Rve',
  'Sa Thầy',
  'Sa Bình',
  'Ya Ly',
  'Rờ Kơi',
  'Mô Rai',
  'Ia Tơi',
  "Ia H'Drai",
  'Ngọk Bay',
  'Ia Chim',
  'Đăk Rơ Wa',
  'Phổ Phong',
  'Phổ Hòa',
];

export const COMMUNES: [string, string][] = [
  ...WARDS.map((n): [string, string] => [codeOf('P', n), `Phòng Kinh tế, Hạ tầng và Đô thị phường ${n}`]),
  ...COMMUNE_NAMES.map((n): [string, string] => [codeOf('X', n), `Phòng Kinh tế xã ${n}`]),
];

const CAMPAIGN =
  'Đợt thi đua chào mừng Kỷ niệm 75 năm Ngày Truyền thống ngành Công Thương Việt Nam (14/5/1951 – 14/5/2026)';
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const SOURCES = [
  'Luật Thi đua, khen thưởng số 06/2022/QH15, Quốc hội ban hành ngày 15/6/2022, hiệu lực từ 01/01/2024: https://stp.hanam.gov.vn/Pages/luat-so-062022qh15-thi-dua-khen-thuong.aspx',
  'Nghị định số 152/2025/NĐ-CP ngày 14/6/2025, hiệu lực từ 01/7/2025; khoản 2 Điều 59: Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 hết hiệu lực kể từ ngày Nghị định 152/2025/NĐ-CP có hiệu lực: https://vbpl.vn/van-ban/chi-tiet/nghi-dinh-so-152-2025-nd-cp-quy-dinh-ve-phan-cap-phan-quyen-trong-linh-vuc-thi-dua-khen-thuong-quy-dinh-chi-tiet-va-huong-dan-thi-hanh-mot-so-dieu-cua-luat-thi-dua-khen-thuong--178327',
  'Nghị định số 152/2025/NĐ-CP, hiệu lực từ 01/7/2025, khoản 1 Điều 54: cá nhân được tặng giấy khen quy định tại các điểm a, b, c, d khoản 1 Điều 75 Luật Thi đua, khen thưởng được thưởng 0,3 lần mức lương cơ sở; mức lương cơ sở 2.340.000 đồng theo Nghị định số 73/2024/NĐ-CP: https://ja.laodong.vn/cong-doan/muc-tien-thuong-bang-khen-giay-khen-ky-niem-chuong-doi-voi-ca-nhan-theo-nghi-dinh-152-1535725.ldo',
  'Nghị định số 161/2026/NĐ-CP ngày 15/5/2026, hiệu lực từ 01/7/2026: mức lương cơ sở 2.530.000 đồng/tháng từ ngày 01/7/2026 (Điều 3); Nghị định số 73/2024/NĐ-CP (mức 2.340.000 đồng) hết hiệu lực từ ngày đó (khoản 2 Điều 6): https://vbpl.vn/van-ban/chi-tiet/quy-dinh-muc-luong-co-so-va-che-do-tien-thuong-doi-voi-can-bo-cong-chuc-vien-chuc-va-luc-luong-vu-trang--51792470-5977-11f1-a95b-018344c97c3a',
  'Quy tắc làm tròn tiền thưởng lên hàng chục nghìn đồng của Nghị định số 98/2023/NĐ-CP chưa đối chiếu được trong Nghị định số 152/2025/NĐ-CP: kế hoạch không làm tròn (0,3 × 2.340.000 = 702.000 đồng)',
  'Luật Thi đua, khen thưởng 2022, khoản 1 Điều 80: Thủ trưởng cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh quyết định tặng giấy khen: https://vi.wikisource.org/wiki/Trang:Cong_bao_Chinh_phu_571_572_nam_2022.pdf/56',
  'Đơn vị cấp xã, phường trong kế hoạch này là dữ liệu mẫu (tên và mã tự đặt), không phải danh sách chính thức',
];

// The money side of the regime in force. Only what was checked against published text is filled: the base
// salary when a decision of May 2026 is signed (Nghị định 73/2024 until Nghị định 161/2026 takes over on
// 1 July 2026). The collective's coefficient, the rounding rule of Nghị định 152/2025 and the number of its
// Báo cáo thành tích form could not be checked, so they stay blank for the secretariat to fill.
export const PRIZE: [string, string | number | null][] = [
  ['prize.baseSalary', 2_340_000],
  [
    'prize.baseSalaryBasis',
    'theo Nghị định số 73/2024/NĐ-CP, áp dụng đến hết ngày 30/6/2026; từ ngày 01/7/2026 mức lương cơ sở là 2.530.000 đồng theo Nghị định số 161/2026/NĐ-CP, Văn phòng sửa mức này nếu quyết định khen thưởng ban hành từ ngày đó',
  ],
  ['prize.roundUpTo', null],
  ['prize.roundingBasis', null],
];

export const REPORT_FORM: [string, string | null][] = [
  ['dossier.reportForm.label', null],
  [
    'dossier.reportForm.basis',
    'Mẫu Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề, Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP; số mẫu chưa đối chiếu được, Văn phòng ghi số mẫu',
  ],
];

const GK_PRIZE_BASIS =
  'Khoản 1 Điều 54 Nghị định số 152/2025/NĐ-CP: cá nhân được tặng giấy khen quy định tại các điểm a, b, c, d khoản 1 Điều 75 Luật Thi đua, khen thưởng được thưởng 0,3 lần mức lương cơ sở. Hệ số cho tập thể chưa đối chiếu được với văn bản: để trống';

export const GENERAL: [string, string | number | Date | string[]][] = [
  ['id', 'SCT-QNG-2026-75NAM'],
  ['title', `${CAMPAIGN} — kế hoạch ví dụ, dữ liệu đơn vị là dữ liệu mẫu`],
  ['templateVersion', 1],
  ['campaign.start', date('2026-02-02')],
  ['campaign.end', date('2026-04-30')],
  ['deadline', date('2026-04-24')],
  ['birthYear.min', 1950],
  ['birthYear.max', 2008],
  ['sources', SOURCES],
];

export const GROUPS: (string | null)[][] = [
  ['so_unit', 'Phòng, đơn vị thuộc Sở', null, 'so_unit, other'],
  ['commune_office', 'Phòng Kinh tế, Phòng Kinh tế, Hạ tầng và Đô thị cấp xã', null, 'commune_office, other'],
  ['other', 'Doanh nghiệp, tổ chức khác', 'Có', null],
];

const subject = (who: string) =>
  `Về việc đề nghị ${who} tặng Bằng khen cho tập thể, cá nhân có thành tích xuất sắc trong Đợt thi đua chào mừng Kỷ niệm 75 năm Ngày Truyền thống ngành Công Thương Việt Nam`;

// The Sở's own plan, cited by every paper; its number is typed in the master's Văn bản sheet ({KH_SCT}).
const PLAN_BASIS =
  'Kế hoạch {KH_SCT} của Sở Công Thương phát động Đợt thi đua chào mừng Kỷ niệm 75 năm Ngày Truyền thống ngành Công Thương Việt Nam (ví dụ)';

// One row per form, in the columns of the plan workbook's Hình thức sheet: the checks' columns, then the
// papers' (addressee, through whom, the merit wording, căn cứ, Nơi nhận, award name, the Director's power).
export const FORMS: (string | number | null)[][] = [
  [
    'BK_BCT',
    'Bằng khen của Bộ trưởng Bộ Công Thương',
    'BK Bộ trưởng',
    'Bộ trưởng Bộ Công Thương',
    'Sở Công Thương\nBộ Công Thương',
    null,
    'so_unit, commune_office, other',
    'Có',
    'DS BK Bộ trưởng',
    'DANH SÁCH ĐỀ NGHỊ BỘ TRƯỞNG BỘ CÔNG THƯƠNG TẶNG BẰNG KHEN',
    null,
    'to_trinh',
    subject('Bộ trưởng Bộ Công Thương'),
    'Bộ trưởng Bộ Công Thương',
    'Văn phòng Bộ Công Thương',
    'thành tích xuất sắc',
    PLAN_BASIS,
    'Như trên\nUBND tỉnh (báo cáo)\nSở Nội vụ (báo cáo)\nGiám đốc, các Phó Giám đốc Sở\nLưu: VT, VP',
    null,
    null,
    null,
    null,
    null,
  ],
  [
    'BK_UBND',
    'Bằng khen của Chủ tịch UBND tỉnh',
    'BK Chủ tịch UBND tỉnh',
    'Chủ tịch UBND tỉnh',
    'Sở Công Thương\nSở Nội vụ\nUBND tỉnh',
    'Khen thưởng theo đợt',
    'so_unit, commune_office, other',
    'Có',
    'DS BK Chủ tịch UBND',
    'DANH SÁCH ĐỀ NGHỊ CHỦ TỊCH UBND TỈNH TẶNG BẰNG KHEN',
    null,
    'to_trinh',
    subject('Chủ tịch UBND tỉnh'),
    'Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi',
    'Sở Nội vụ',
    'thành tích thật sự tiêu biểu xuất sắc',
    PLAN_BASIS,
    'Như trên\nGiám đốc, các Phó Giám đốc Sở\nLưu: VT, VP',
    'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    null,
    null,
    null,
    null,
  ],
  [
    'GK_SCT',
    'Giấy khen của Giám đốc Sở Công Thương',
    'Giấy khen Giám đốc Sở',
    'Giám đốc Sở Công Thương',
    'Sở Công Thương',
    null,
    'so_unit, commune_office',
    'Không',
    'DS Giấy khen GĐ Sở',
    'DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ CÔNG THƯƠNG',
    'DANH SÁCH ĐỀ NGHỊ GIÁM ĐỐC SỞ CÔNG THƯƠNG TẶNG GIẤY KHEN',
    'quyet_dinh',
    'Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong Đợt thi đua chào mừng Kỷ niệm 75 năm Ngày Truyền thống ngành Công Thương Việt Nam',
    null,
    null,
    'thành tích xuất sắc',
    `Quyết định {QC_TDKT} của Ủy ban nhân dân tỉnh Quảng Ngãi ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh\n${PLAN_BASIS}`,
    'Như Điều 3\nTập thể, cá nhân có tên tại Điều 1\nUBND các xã, phường (để biết)\nGiám đốc, các Phó Giám đốc Sở\nLưu: VT, VP',
    null,
    'Quyết định {QD_SCT} của Ủy ban nhân dân tỉnh Quảng Ngãi quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Công Thương tỉnh Quảng Ngãi',
    0.3,
    null,
    GK_PRIZE_BASIS,
  ],
];

/** The căn cứ of the regime in force since 1 July 2025 (Nghị định 152/2025 ended 98/2023), as published (see `sources`). */
export const WORDING: [string, string[]][] = [
  [
    'documents.basis',
    [
      'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    ],
  ],
  [
    'documents.to_trinh.body',
    [
      'Thực hiện {campaign}, các phòng, đơn vị thuộc Sở, phòng Kinh tế các xã, phường và các tổ chức đã tổ chức bình xét và gửi hồ sơ đề nghị khen thưởng về Sở Công Thương. {councilResult}, Sở Công Thương kính đề nghị {decider} xem xét, tặng {award} cho {nominees} đã có {merit} trong Đợt thi đua (có danh sách kèm theo).',
      'Hồ sơ kèm theo gồm: danh sách tập thể, cá nhân đề nghị khen thưởng; báo cáo thành tích của tập thể, cá nhân có xác nhận của cấp trình khen thưởng.',
      'Sở Công Thương kính trình {decider} xem xét, quyết định./.',
    ],
  ],
  [
    'documents.quyet_dinh.articles',
    [
      'Tặng {award} cho {nominees} (có danh sách kèm theo) đã có {merit} trong {campaign}.',
      'Tập thể, cá nhân có tên tại Điều 1 được tặng Giấy khen kèm theo tiền thưởng theo quy định tại Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ, chi từ Quỹ thi đua, khen thưởng của Sở Công Thương.',
      'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở; Thủ trưởng các đơn vị: {listedUnits}; các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ],
  ],
  [
    'documents.minutes.subject',
    ['Họp xét khen thưởng Đợt thi đua chào mừng Kỷ niệm 75 năm Ngày Truyền thống ngành Công Thương Việt Nam'],
  ],
  [
    'documents.notice.subject',
    ['Kết quả xét khen thưởng Đợt thi đua chào mừng Kỷ niệm 75 năm Ngày Truyền thống ngành Công Thương Việt Nam'],
  ],
  ['documents.reminder.subject', ['V/v đôn đốc gửi hồ sơ đề nghị khen thưởng Đợt thi đua năm 2026']],
  ['documents.references.0.label', ['Kế hoạch thi đua năm 2026 của Sở Công Thương (ngày 02/02/2026)']],
  ['documents.references.0.date', ['2026-02-02']],
];
