export { type ExportRow } from './export-row';
export { contentTypeFor, datasetFileName } from './file-names';
export { writeZip } from './zip-writer';
export { EXPORT_FORMATS, FORMAT_WRITERS, type ExportFormat } from './export-formats';
export { datasetFilePlan, type DatasetFilePlan } from './dataset-files';
