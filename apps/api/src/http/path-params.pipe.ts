import { ValidationError } from '@compileo/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { unstorableText } from './stored-text';

/**
 * Every `:param` of every route: an id the database cannot hold as text (a `%00`) is a 400 naming the
 * parameter, before any controller looks it up. Global, so a new id route cannot forget it.
 */
@Injectable()
export class PathParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const values: [string, unknown][] =
      metadata.data === undefined ? Object.entries((value ?? {}) as Record<string, unknown>) : [[metadata.data, value]];
    for (const [name, text] of values) {
      const why = typeof text === 'string' ? unstorableText(text) : null;
      if (why) throw ValidationError.field(name, why);
    }
    return value;
  }
}
