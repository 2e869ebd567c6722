import { startFakeOllama } from './fake-ollama-server';
import { startFakeHttpServer } from './fake-http-server';

describe('fake HTTP servers', () => {
  it('plays a list script in turn, repeating the last reply, and 404s other routes', async () => {
    const fake = await startFakeOllama([
      { kind: 'error', status: 503 },
      { kind: 'complete', text: 'a' },
    ]);
    try {
      const post = (path: string): Promise<Response> =>
        fetch(`${fake.url}${path}`, { method: 'POST', body: JSON.stringify({ model: 'm' }) });
      expect((await post('/api/chat')).status).toBe(503);
      expect(await (await post('/api/chat')).json()).toMatchObject({ model: 'm', message: { content: 'a' }, done: true });
      expect(await (await post('/api/chat')).json()).toMatchObject({ message: { content: 'a' } });
      expect((await post('/api/generate')).status).toBe(404);
      expect(fake.requests.map((r) => r.path)).toEqual(['/api/chat', '/api/chat', '/api/chat', '/api/generate']);
      expect(fake.requests[0]?.body).toEqual({ model: 'm' });
    } finally {
      await fake.close();
    }
  });

  it('closes promptly with a hanging request open', async () => {
    const fake = await startFakeHttpServer(() => 'hang');
    const pending = fetch(`${fake.url}/x`).then(
      () => 'answered',
      () => 'dropped',
    );
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await fake.close();
    expect(await pending).toBe('dropped');
  });
});
