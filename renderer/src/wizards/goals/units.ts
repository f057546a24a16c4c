/**
 * Units Thai plans count KPIs in, offered while typing a KPI's unit. They are values stored in the plan (in the
 * plan's language, the words core's unitKind recognises), not interface text; what each allows is labelled
 * per language (goals.unitKind.<kind>).
 */
export const UNIT_SUGGESTIONS = [
  'ร้อยละ',
  'คน',
  'ครั้ง',
  'เรื่อง',
  'ช่องทาง',
  'โครงการ',
  'กิจกรรม',
  'ข่าว',
  'ฉบับ',
  'แห่ง',
  'หน่วยงาน',
  'หลักสูตร',
  'ระดับ',
  'คะแนน',
  'บาท',
  'วัน',
] as const;
