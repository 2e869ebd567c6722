import { loadConfig } from './app-config';
import { StartupError } from './startup-failure';

describe('loadConfig: HTTP limits', () => {
  it('has defaults and reads each limit from the environment', () => {
    expect(loadConfig({}).COMPILEO_HTTP_REQUEST_TIMEOUT_MS).toBe(120_000);
    const config = loadConfig({ COMPILEO_HTTP_MAX_CONNECTIONS: '7', COMPILEO_HTTP_IDLE_TIMEOUT_MS: '1500' });
    expect([config.COMPILEO_HTTP_MAX_CONNECTIONS, config.COMPILEO_HTTP_IDLE_TIMEOUT_MS]).toEqual([7, 1500]);
  });

  it('refuses a header timeout longer than the request timeout, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ COMPILEO_HTTP_HEADERS_TIMEOUT_MS: '5000', COMPILEO_HTTP_REQUEST_TIMEOUT_MS: '1000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).variable).toBe('COMPILEO_HTTP_HEADERS_TIMEOUT_MS');
  });
});
