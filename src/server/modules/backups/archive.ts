import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { z } from 'zod';
import { knowsSchemaVersion } from '../../db/database.ts';

/**
 * A backup is one tar file: the database snapshot, the stored files, and last a manifest with
 * each member's size and SHA-256. Last, so a file cut short has none; checksums, so a damaged
 * one is refused before anything is touched.
 */
export const MANIFEST = 'manifest.json';
export const FORMAT_VERSION = 1;

const manifestSchema = z.object({
  format: z.literal('kartoteka-backup'),
  formatVersion: z.number().int().positive(),
  productVersion: z.string(),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  /** The newest migration the database had run: the build restoring it must know it. */
  schemaVersion: z.string(),
  snapshot: z.object({ format: z.enum(['sqlite', 'pg_dump']), member: z.string() }),
  members: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** A backup that cannot be used, and why, in words for an administrator. */
export class BackupError extends Error {}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `dir`, as paths relative to `root`. */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(root, relative)));
    else if (entry.isFile()) found.push(relative);
  }
  return found.sort();
}

export async function describeMembers(
  staging: string,
  members: string[],
): Promise<BackupManifest['members']> {
  const described: BackupManifest['members'] = [];
  for (const member of members) {
    const file = path.join(staging, member);
    described.push({ path: member, bytes: (await fs.stat(file)).size, sha256: await sha256Of(file) });
  }
  return described;
}

/** The stored files (under `files/` in the staging folder) to go in the archive. */
export function storedFiles(staging: string): Promise<string[]> {
  return filesUnder(staging, 'files');
}

/**
 * Packs the staging folder into `target`: written under a hidden partial name, flushed to disk,
 * and only then renamed, so a file with the final name is always complete.
 */
export async function packArchive(staging: string, manifest: BackupManifest, target: string): Promise<void> {
  await fs.writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  try {
    await tar.create({ file: partial, cwd: staging, portable: true }, [
      ...manifest.members.map((member) => member.path),
      MANIFEST,
    ]);
    const handle = await fs.open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
}

function unusable(file: string, why: string): BackupError {
  return new BackupError(`${file} cannot be restored: ${why}. Nothing was changed.`);
}

/**
 * Unpacks a backup into `staging` and checks it whole before anything is restored: a
 * manifest of this product, a format and a schema this build can read, and every member as
 * long and with the checksum the manifest says.
 */
export async function unpackArchive(file: string, staging: string): Promise<BackupManifest> {
  try {
    await fs.access(file);
  } catch {
    throw new BackupError(`${file} does not exist or cannot be read.`);
  }
  try {
    await tar.extract({ file, cwd: staging, strict: true });
  } catch (error) {
    throw unusable(file, `it is not a complete backup archive (${(error as Error).message})`);
  }
  const text = await fs.readFile(path.join(staging, MANIFEST), 'utf8').catch(() => null);
  if (text === null)
    throw unusable(file, 'it has no manifest: the file was cut short or is not a Kartoteka backup');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unusable(file, 'its manifest is damaged');
  }
  const format = (parsed as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== 'kartoteka-backup') throw unusable(file, 'it is not a Kartoteka backup');
  if (typeof format.formatVersion === 'number' && format.formatVersion > FORMAT_VERSION)
    throw unusable(file, 'it was made by a newer version of Kartoteka; upgrade this one first');
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw unusable(file, 'its manifest is damaged');
  if (!knowsSchemaVersion(manifest.data.schemaVersion))
    throw unusable(
      file,
      `it was made by a newer version of Kartoteka (${manifest.data.productVersion}, schema ${manifest.data.schemaVersion}); upgrade this one first`,
    );
  for (const member of manifest.data.members) {
    const at = path.join(staging, member.path);
    const stat = await fs.stat(at).catch(() => null);
    if (!stat || stat.size !== member.bytes || (await sha256Of(at)) !== member.sha256)
      throw unusable(file, `${member.path} in it is damaged (it does not match its checksum)`);
  }
  return manifest.data;
}
