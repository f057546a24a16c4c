/**
 * Thai text that breaks naive line breaking, shaping or extraction: stacked marks (ผู้ใหญ่, ปั้น), words that
 * must not split (ที่นี่, one word in the lexicon), rare letters (ญ ฐ ฤๅ), Thai digits, ฯลฯ and ๆ, Latin
 * against Thai (ISOที่), and SARA AM typed as NIKHAHIT + SARA AA.
 */
export const HAZARDS: string[] = [
  'น้ำ',
  'ผู้ใหญ่',
  'ปั้น',
  'ที่นี่',
  'ฟ้า',
  'ปู่',
  'ญู',
  'ฐุ',
  'ฤๅ',
  'ก๋วย',
  '๐๑๒๓๔๕๖๗๘๙',
  'ฯลฯ',
  'ๆ',
  'ISOที่',
  'น\u0E4D\u0E32', // decomposed SARA AM
];
