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
export const POSITIONS = [
  'Chuyên viên',
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Kế toán',
  'Cán sự',
  'Nhân viên',
  'Chánh Thanh tra',
  'Phó Giám đốc Trung tâm',
];
export const LEADER_POSITIONS = new Set([
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Chánh Thanh tra',
  'Phó Giám đốc Trung tâm',
]);
export const TEAMS = [
  'Tổ Quản lý thị trường',
  'Tổ Điện nông thôn',
  'Bộ phận Một cửa',
  'Tổ Khuyến công',
  'Tổ Xúc tiến thương mại',
  'Tổ Kế hoạch tổng hợp',
  'Bộ phận Văn thư – Lưu trữ',
];
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
