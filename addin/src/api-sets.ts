// Which ExcelApi requirement set each Excel member needs, as Microsoft's reference states it
// ("[Api set: ExcelApi 1.x]"; tests/addin/api-sets.test.ts checks every line against @types/office-js).
// The one place that knows: the Excel module probes capabilities through it, and the stand-in refuses any
// member above the sets it is given, as an older Excel does.
export const EXCEL_API = {
  'WorksheetCollection.items': '1.1',
  'WorksheetCollection.getItem': '1.1',
  'WorksheetCollection.add': '1.1',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'Worksheet.name': '1.1',
  'Worksheet.visibility': '1.1',
  /** Setting it: "1.1 for reading visibility; 1.2 for setting it". */
  'Worksheet.visibility=': '1.2',
  'Worksheet.activate': '1.1',
  'Worksheet.delete': '1.1',
  'Worksheet.getRange': '1.1',
  'Worksheet.getUsedRange': '1.1',
  /** The valuesOnly argument: without it, formatted empty cells count as used. */
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.onChanged': '1.7',
  'Range.values': '1.1',
  'Range.rowIndex': '1.1',
  'Range.columnIndex': '1.1',
  'Range.rowCount': '1.1',
  'Range.columnCount': '1.1',
  'Range.select': '1.1',
  'Range.format': '1.1',
  'Range.getCellProperties': '1.9',
  'Range.setCellProperties': '1.9',
  'RangeFormat.fill': '1.1',
  'RangeFill.color': '1.1',
  'RangeFill.clear': '1.1',
  'RequestContext.runtime': '1.5',
  'Runtime.enableEvents': '1.8',
} as const;

export type ExcelMember = keyof typeof EXCEL_API;

/** "1.10" → 10: ExcelApi versions compare by their minor number. */
export const minorOf = (version: string): number => Number(version.split('.')[1] ?? 0);

/** The ExcelApi minor versions the add-in names to the clerk, newest last (1.1 … 1.20). */
export const KNOWN_MINORS = Array.from({ length: 20 }, (_, i) => i + 1);
