// Realistic sample content: Vietnamese names, positions and achievement summaries, chosen
// deterministically from a seed so a sample inbox is the same on every machine.
export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Thanh', 'Công', 'Hữu'];
export const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Kim'];
export const GIVEN_MALE = [
  'An',
  'Bảo',
  'Cường',
  'Dũng',
  'Hùng',
  'Hưng',
  'Khoa',
  'Long',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Tuấn',
  'Vinh',
];
export const GIVEN_FEMALE = [
  'Anh',
  'Bích',
  'Chi',
  'Dung',
  'Hà',
  'Hằng',
  'Hoa',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Oanh',
  'Phương',
  'Thảo',
  'Trang',
  'Vy',
];
/** A position held in a kind of unit, with the birth years a holder of it has in 2021. */
export interface Position {
  title: string;
  leader: boolean;
  /** The unit has one: a second one drawn becomes the next position of the list. */
  single?: boolean;
  born: readonly [number, number];
}

const head = (title: string): Position => ({ title, leader: true, single: true, born: [1966, 1978] });
const deputy = (title: string): Position => ({ title, leader: true, born: [1970, 1984] });
const staff = (title: string, born: readonly [number, number] = [1976, 1996]): Position => ({
  title,
  leader: false,
  born,
});
const SENIOR = staff('Chuyên viên chính', [1968, 1984]);

/** The positions of each kind of unit, as its staff list names them (heads first, then deputies). */
export const POSITIONS_BY_KIND = {
  /** Phòng Kinh tế (và Hạ tầng) of a district, a department of the Sở. */
  department: [head('Trưởng phòng'), deputy('Phó Trưởng phòng'), SENIOR, staff('Chuyên viên'), staff('Chuyên viên')],
  office: [
    head('Chánh Văn phòng'),
    deputy('Phó Chánh Văn phòng'),
    staff('Chuyên viên'),
    staff('Kế toán'),
    staff('Văn thư', [1980, 1998]),
  ],
  inspectorate: [
    head('Chánh Thanh tra'),
    deputy('Phó Chánh Thanh tra'),
    staff('Thanh tra viên chính', [1968, 1984]),
    staff('Thanh tra viên'),
    staff('Thanh tra viên'),
  ],
  centre: [
    head('Giám đốc Trung tâm'),
    deputy('Phó Giám đốc Trung tâm'),
    { ...head('Trưởng phòng'), single: false },
    staff('Viên chức'),
    staff('Kế toán'),
  ],
} as const satisfies Record<string, readonly Position[]>;
export type UnitKind = keyof typeof POSITIONS_BY_KIND;

/** The kind of a unit, read from how its name begins (Văn phòng Sở, Thanh tra Sở, Trung tâm…, Phòng…). */
export function unitKind(unitName: string): UnitKind {
  if (unitName.startsWith('Văn phòng')) return 'office';
  if (unitName.startsWith('Thanh tra')) return 'inspectorate';
  if (unitName.startsWith('Trung tâm')) return 'centre';
  return 'department';
}

/** Collectives a unit of each kind proposes: its own teams, named as the unit names them. */
export const TEAMS_BY_KIND: Record<UnitKind, readonly string[]> = {
  department: ['Bộ phận Quản lý điện', 'Bộ phận Thương mại – Dịch vụ', 'Bộ phận Công nghiệp – Tiểu thủ công nghiệp'],
  office: ['Bộ phận Văn thư – Lưu trữ', 'Bộ phận Một cửa', 'Bộ phận Tổng hợp – Thi đua'],
  inspectorate: ['Đoàn thanh tra an toàn điện', 'Đoàn kiểm tra an toàn hóa chất'],
  centre: ['Phòng Khuyến công', 'Phòng Xúc tiến thương mại'],
};

export const SUMMARIES = [
  'Tham mưu hoàn thành 100% kế hoạch phát triển điện nông thôn quý I năm 2021, vượt tiến độ 15 ngày',
  'Chủ trì tổ chức Hội chợ thương mại chào mừng 70 năm Ngày Truyền thống ngành Công Thương, thu hút 120 gian hàng',
  'Giải quyết đúng hạn 100% hồ sơ thủ tục hành chính, không có hồ sơ trễ hạn trong thời gian thi đua',
  'Đề xuất và triển khai mô hình chợ an toàn thực phẩm, được UBND huyện nhân rộng tại 5 xã',
  'Hoàn thành xuất sắc công tác kiểm tra an toàn điện mùa mưa bão, phát hiện và xử lý kịp thời 12 điểm nguy hiểm',
  'Tích cực hỗ trợ doanh nghiệp tiêu thụ nông sản trong đại dịch COVID-19, kết nối tiêu thụ hơn 300 tấn hàng hóa',
];

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
