// The OLE compound file (CFB) container: an Excel 97–2003 .xls and a password-protected .xlsx both come in
// one. Only the directory is read, enough to tell them apart by their stream names: an encrypted package
// has "EncryptedPackage" and "EncryptionInfo", a legacy workbook "Workbook" or "Book". Plain byte arrays,
// so the merge (Node) and the offline checker page (browser) tell them apart the same way.

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isCompoundFile = (data: Uint8Array): boolean => CFB_SIGNATURE.every((b, i) => data[i] === b);

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_SECTOR = 0xfffffffa;
const HEADER_DIFAT = 109;
const DIR_ENTRY = 128;

/**
 * The names of every stream and storage in a compound file's directory; null when the directory cannot
 * be followed (truncated or damaged). Loops and out-of-range sectors end the walk instead of hanging it.
 */
export function compoundFileNames(bytes: Uint8Array): string[] | null {
  if (!isCompoundFile(bytes) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = {
    length: bytes.length,
    readUInt16LE: (at: number) => view.getUint16(at, true),
    readUInt32LE: (at: number) => view.getUint32(at, true),
  };
  const shift = data.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorCount = Math.floor((data.length - size) / size) + 1;
  const offset = (sid: number) => (sid + 1) * size;
  const inFile = (sid: number) => sid <= MAX_SECTOR && offset(sid) + size <= data.length;

  // The FAT's own sectors: the first 109 listed in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) {
    const sid = data.readUInt32LE(0x4c + i * 4);
    if (sid === FREE || sid === END_OF_CHAIN) break;
    fatSectors.push(sid);
  }
  let difat = data.readUInt32LE(0x44);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE && hops < sectorCount; hops++) {
    if (!inFile(difat)) return null;
    const base = offset(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const sid = data.readUInt32LE(base + i * 4);
      if (sid !== FREE && sid !== END_OF_CHAIN) fatSectors.push(sid);
    }
    difat = data.readUInt32LE(base + size - 4);
  }
  const next = (sid: number): number => {
    const perSector = size / 4;
    const fatSid = fatSectors[Math.floor(sid / perSector)];
    if (fatSid === undefined || !inFile(fatSid)) return END_OF_CHAIN;
    return data.readUInt32LE(offset(fatSid) + (sid % perSector) * 4);
  };

  const names: string[] = [];
  let sid = data.readUInt32LE(0x30);
  for (let hops = 0; sid !== END_OF_CHAIN && hops < sectorCount; hops++) {
    if (!inFile(sid)) return names.length ? names : null;
    const base = offset(sid);
    for (let e = 0; e < size / DIR_ENTRY; e++) {
      const entry = base + e * DIR_ENTRY;
      const type = bytes[entry + 0x42];
      const nameBytes = data.readUInt16LE(entry + 0x40);
      if (!type || nameBytes < 2 || nameBytes > 64) continue;
      names.push(
        String.fromCharCode(...Array.from({ length: nameBytes / 2 - 1 }, (_, k) => data.readUInt16LE(entry + k * 2))),
      );
    }
    sid = next(sid);
  }
  return names;
}

/** What a compound file holds, as far as a checker needs to know. */
export function compoundFileKind(data: Uint8Array): 'encrypted' | 'legacy' {
  const names = compoundFileNames(data) ?? [];
  return names.some((n) => n === 'EncryptedPackage' || n === 'EncryptionInfo') ? 'encrypted' : 'legacy';
}
