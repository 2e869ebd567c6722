import {
  bodyField,
  defaultOutputTokens,
  errorHeaders,
  startVendorFake,
  type FakeReply,
  type FakeServer,
  type Script,
} from './fake-http-server';

/**
 * A loopback stand-in for Ollama's `POST /api/chat` (non-streaming), answering in its documented JSON:
 * `{model, created_at, message: {role: 'assistant', content}, done: true, prompt_eval_count, eval_count, ...}`;
 * errors are `{error: message}`. Point the `ollama` client at it with `host = url`.
 */
export const startFakeOllama = (script: Script<FakeReply>): Promise<FakeServer> =>
  startVendorFake(script, { method: 'POST', path: /^\/api\/chat$/ }, (reply, request) => {
    if (reply.kind === 'complete') {
      const requested = bodyField(request, 'model');
      return {
        status: 200,
        delayMs: reply.delayMs,
        body: {
          model: reply.model ?? (typeof requested === 'string' ? requested : ''),
          created_at: new Date().toISOString(),
          message: { role: 'assistant', content: reply.text },
          done: true,
          done_reason: reply.finishReason ?? 'stop',
          total_duration: 1_000_000,
          load_duration: 10_000,
          prompt_eval_count: reply.inputTokens ?? 12,
          prompt_eval_duration: 100_000,
          eval_count: reply.outputTokens ?? defaultOutputTokens(reply.text),
          eval_duration: 800_000,
        },
      };
    }
    return {
      status: reply.status,
      delayMs: reply.delayMs,
      headers: errorHeaders(reply),
      body: { error: reply.message ?? `fake ollama error ${reply.status}` },
    };
  });
