import { DEFAULT_PROMPTS_RESPONSE, HIGH_LEVEL_PROMPT_OPTIONS } from '@compileo/generation';
import { Controller, Get } from '@nestjs/common';
import type { DefaultPromptsView, HighLevelPromptsView } from './config.views';

@Controller('api/v1/datasets/config')
export class ConfigController {
  @Get('high-level-prompts')
  highLevelPrompts(): HighLevelPromptsView {
    return HIGH_LEVEL_PROMPT_OPTIONS;
  }

  /** The templates generation really uses, keyed by mode. */
  @Get('default-prompts')
  defaultPrompts(): DefaultPromptsView {
    return DEFAULT_PROMPTS_RESPONSE;
  }
}
