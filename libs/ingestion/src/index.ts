export { parseDocument } from './parse-document';
export { pagesFor } from './pages-for';
export { SUPPORTED_EXTENSIONS, chunkerFileName } from './supported-types';
