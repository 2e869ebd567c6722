export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
export { parseDocument, type ParseOptions } from './parse-document';
export { pagesFor } from './pages-for';
export { SUPPORTED_EXTENSIONS, chunkerFileName } from './supported-types';
