// The workbook's default font (the first font of styles.xml, the Normal style's), which exceljs always
// writes as the theme's Calibri. Column widths are counted in that font's digits, so a sheet measured to
// fit A4 at 100 % fits only where the font is the one measured: Times New Roman, the font of official
// papers, which Excel has and LibreOffice replaces by Liberation Serif of the same metrics.
import { REL_TYPE, type Package } from '../ooxml/package.js';

export async function setDefaultFont(pkg: Package, name: string, size: number): Promise<void> {
  const part = (await pkg.relOfType(await pkg.workbookPart(), REL_TYPE.styles))?.target;
  const styles = part && (await pkg.text(part));
  if (!part || !styles) return;
  // A font with scheme="minor" follows the theme whatever its name says: the scheme goes too.
  const font = `<font><sz val="${size}"/><color theme="1"/><name val="${name}"/><family val="1"/></font>`;
  pkg.set(
    part,
    styles.replace(/(<fonts\b[^>]*>)\s*<font>[\s\S]*?<\/font>/, (_, open: string) => `${open}${font}`),
  );
}
