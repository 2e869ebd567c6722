export * from './parsed-document';
export * from './parse-document';
export * from './pages-for';
export { SUPPORTED_EXTENSIONS, chunkerFileName } from './supported-types';
