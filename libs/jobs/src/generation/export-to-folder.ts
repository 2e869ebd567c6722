import { outputDirSegments, SPLITS, type DatasetState, type EntryState, type SplitAssignments } from '@compileo/domain';
import { datasetFilePlan, FORMAT_WRITERS, type ExportRow } from '@compileo/export';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { finished } from 'node:stream/promises';

/** An entry as the files carry it: the download's row shape (instruction-mode fields in metadata). */
const exportRowOf = (e: EntryState, split: string | null): ExportRow => ({
  id: e.entryId,
  question: e.content.question,
  answer: e.content.answer,
  category: e.content.category,
  quality_score: e.content.qualityScore,
  difficulty: e.content.difficulty,
  source_chunk: e.sourceChunk,
  split,
  version: e.version,
  metadata: {
    ...e.content.metadata,
    ...(e.content.instruction !== undefined ? { instruction: e.content.instruction } : {}),
    ...(e.content.input !== undefined ? { input: e.content.input } : {}),
    ...(e.content.output !== undefined ? { output: e.content.output } : {}),
  },
});

async function* rowsOf(entries: readonly EntryState[], splits: SplitAssignments | null, split: string | null): AsyncGenerator<ExportRow> {
  for (const e of entries) {
    const assigned = splits?.[e.entryId] ?? null;
    if (split === null || assigned === split) yield exportRowOf(e, assigned);
  }
}

/** The folder `output_dir` names: under `DATA_DIR/exports/`, whatever the value (the API refused any other). */
export const exportFolder = (dataDir: string, outputDir: string): string => {
  const root = resolve(dataDir, 'exports');
  const folder = resolve(root, ...outputDirSegments(outputDir));
  if (folder !== root && !folder.startsWith(root + sep)) throw new Error(`output_dir ${JSON.stringify(outputDir)} leaves ${root}`);
  return folder;
};

/**
 * Writes the finished dataset's files into its `output_dir` (under `DATA_DIR/exports/`): the same files a
 * download holds (one per split, plus `manifest.json`, when it has splits), in its `format_type`. Each file
 * is written under a temporary name and renamed into place, so a reader never sees half a file. Returns the
 * paths written.
 */
export const exportToFolder = async (dataDir: string, state: DatasetState, splits: SplitAssignments | null): Promise<string[]> => {
  const request = state.request!;
  const folder = exportFolder(dataDir, request.config.output_dir);
  await mkdir(folder, { recursive: true });
  const entries = [...state.entries.values()].sort((a, b) => Number(a.entryId.slice(6)) - Number(b.entryId.slice(6)));
  const plan = datasetFilePlan({ name: request.name, version: state.version }, request.config.format_type, splits ? SPLITS : null);
  const written: string[] = [];
  const place = async (name: string, write: (path: string) => Promise<void>): Promise<void> => {
    const path = join(folder, name);
    await write(`${path}.partial`);
    await rename(`${path}.partial`, path);
    written.push(path);
  };
  const counts: Record<string, number> = {};
  for (const file of plan.files) {
    await place(file.name, async (path) => {
      const out = createWriteStream(path);
      const { count } = await FORMAT_WRITERS[request.config.format_type].writer(rowsOf(entries, splits, file.split), out);
      out.end();
      await finished(out);
      counts[file.name] = count;
    });
  }
  if (plan.archive !== null) {
    const manifest = {
      dataset_id: request.datasetId,
      name: request.name,
      version: state.version,
      format: request.config.format_type,
      files: counts,
    };
    await place('manifest.json', (path) => writeFile(path, JSON.stringify(manifest, null, 2)));
  }
  return written;
};
