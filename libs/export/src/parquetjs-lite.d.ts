/** Minimal typings for the parts of parquetjs-lite 0.8.7 this library uses (the package ships none). */
declare module 'parquetjs-lite' {
  import type { Writable } from 'stream';

  export type ParquetPrimitiveType = 'BOOLEAN' | 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE' | 'BYTE_ARRAY';
  export type ParquetLogicalType = ParquetPrimitiveType | 'UTF8' | 'JSON' | 'TIMESTAMP_MILLIS';
  export type ParquetCompression = 'UNCOMPRESSED' | 'GZIP' | 'SNAPPY' | 'LZO' | 'BROTLI';

  export interface ParquetFieldDefinition {
    readonly type: ParquetLogicalType;
    readonly optional?: boolean;
    readonly compression?: ParquetCompression;
  }

  export class ParquetSchema {
    constructor(fields: Readonly<Record<string, ParquetFieldDefinition>>);
  }

  export interface ParquetWriterOptions {
    readonly rowGroupSize?: number;
    readonly pageSize?: number;
    readonly useDataPageV2?: boolean;
  }

  export class ParquetWriter {
    /** Note: close() ends `outputStream` (util.osend). */
    static openStream(schema: ParquetSchema, outputStream: Writable, opts?: ParquetWriterOptions): Promise<ParquetWriter>;
    appendRow(row: Readonly<Record<string, unknown>>): Promise<void>;
    setMetadata(key: string, value: string): void;
    close(): Promise<void>;
  }

  export interface ParquetCursor {
    /** Resolves to null after the last row. */
    next(): Promise<Record<string, unknown> | null>;
  }

  export class ParquetReader {
    static openFile(path: string): Promise<ParquetReader>;
    getRowCount(): number | { toNumber(): number };
    getCursor(columns?: readonly string[]): ParquetCursor;
    getMetadata(): Record<string, string>;
    close(): Promise<void>;
  }
}
