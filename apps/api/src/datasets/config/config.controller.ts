import { DEFAULT_PROMPTS_RESPONSE, HIGH_LEVEL_PROMPT_OPTIONS } from '@compileo/generation';
import { Controller, Get } from '@nestjs/common';

@Controller('api/v1/datasets/config')
export class ConfigController {
  @Get('high-level-prompts')
  highLevelPrompts() {
    return HIGH_LEVEL_PROMPT_OPTIONS;
  }

  /** The templates generation really uses, keyed by mode. */
  @Get('default-prompts')
  defaultPrompts() {
    return DEFAULT_PROMPTS_RESPONSE;
  }
}
