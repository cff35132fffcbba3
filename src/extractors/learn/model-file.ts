import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { VigilError } from '../../core/errors.js';
import { WeightTable } from './weights.js';

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array } as const;
type TypeName = keyof typeof TYPES;

const MAGIC = 'VIGILMDL';

/** Where the trained files ship: `models/` at the root of the project. */
export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models');

export interface ModelFile {
  /** Labels, features, scores and training details: JSON. */
  header: Record<string, unknown>;
  arrays: Record<string, Typed>;
}

/**
 * A model file: gzip of MAGIC, a 4-byte header length, the JSON header, then each typed array
 * 4-byte aligned. Typed arrays load without parsing, so the tagger, parser and recogniser
 * together load in well under the 500 ms budget.
 */
export function writeModelFile(file: string, model: ModelFile): number {
  const described: { name: string; type: TypeName; length: number; offset: number }[] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(model.arrays)) {
    described.push({ name, type: arr.constructor.name as TypeName, length: arr.length, offset });
    offset += Math.ceil(arr.byteLength / 4) * 4;
  }
  const header = Buffer.from(JSON.stringify({ ...model.header, arrays: described }), 'utf8');
  const headerLen = Math.ceil((header.length + MAGIC.length + 4) / 4) * 4 - MAGIC.length - 4;
  const out = Buffer.alloc(MAGIC.length + 4 + headerLen + offset, 0x20);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerLen, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  const base = MAGIC.length + 4 + headerLen;
  for (const d of described) {
    const arr = model.arrays[d.name]!;
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, base + d.offset);
  }
  const zipped = gzipSync(out, { level: 9 });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, zipped);
  return zipped.length;
}

export function readModelFile(file: string): ModelFile {
  let raw: Buffer;
  try {
    const zipped = readFileSync(file);
    // gzip's trailer holds the unpacked size: one output chunk of that size spares zlib a
    // concatenation of 16 KB pieces (a fifth of the parser's unpacking time)
    const size = zipped.length >= 18 ? zipped.readUInt32LE(zipped.length - 4) : 0;
    raw = gunzipSync(zipped, size > 0 && size < 2 ** 30 ? { chunkSize: size + 1024 } : {});
  } catch (e) {
    throw new VigilError('model_missing', `cannot read model ${file}: ${(e as Error).message}; run \`npm run train\` or restore models/ from git`);
  }
  if (raw.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new VigilError('model_missing', `${file} is not a Vigil model file`);
  const headerLen = raw.readUInt32LE(MAGIC.length);
  // Header tables are looked up with words from reports: objects without a prototype, so "constructor" is just a word.
  const header = JSON.parse(raw.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLen), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null) as object, v) : v)) as Record<string, unknown>;
  const base = MAGIC.length + 4 + headerLen;
  // The payload starts 4-byte aligned in the file; a gunzipped buffer of this size owns its
  // memory from offset 0, so the arrays are views on it. A misaligned one is copied.
  let buffer = raw.buffer as ArrayBuffer;
  let start = raw.byteOffset + base;
  if (start % 4 !== 0) {
    buffer = (raw.buffer as ArrayBuffer).slice(start, raw.byteOffset + raw.length);
    start = 0;
  }
  const arrays: Record<string, Typed> = {};
  for (const d of header.arrays as { name: string; type: TypeName; length: number; offset: number }[]) {
    arrays[d.name] = new TYPES[d.type](buffer, start + d.offset, d.length);
  }
  delete header.arrays;
  return { header, arrays };
}

/** Stores a weight table under `prefix` in a model's arrays. */
export function tableArrays(prefix: string, table: WeightTable): Record<string, Typed> {
  const a = table.toArrays();
  return { [`${prefix}.keys`]: a.keys, [`${prefix}.offsets`]: a.offsets, [`${prefix}.classes`]: a.classes, [`${prefix}.weights`]: a.weights };
}

export function tableFrom(model: ModelFile, prefix: string, nClasses: number): WeightTable {
  const get = <T extends Typed>(name: string): T => {
    const arr = model.arrays[`${prefix}.${name}`];
    if (!arr) throw new VigilError('model_missing', `model has no ${prefix}.${name}`);
    return arr as T;
  };
  return new WeightTable(nClasses, { keys: get('keys'), offsets: get('offsets'), classes: get('classes'), weights: get('weights') });
}

/** One loaded copy per file per process: pipelines are cheap to build, models are not. */
export function loadOnce<T>(load: (file: string) => T): (file: string) => T {
  const loaded = new Map<string, T>();
  return (file) => {
    let m = loaded.get(file);
    if (m === undefined) {
      m = load(file);
      loaded.set(file, m);
    }
    return m;
  };
}
