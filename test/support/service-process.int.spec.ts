import { isAlive, startProcess, stopAllServices, type ServiceProcess } from './service-process';

/** A script that starts a grandchild (in the same process group), prints the grandchild's pid, then does `then`. */
const parentOfSleeper = (then: string): string[] => [
  '-e',
  `const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
   process.stdout.write('grandchild ' + c.pid + '\\n');
   ${then}`,
];

const grandchildPid = (service: ServiceProcess): number => Number(/grandchild (\d+)/.exec(service.output())?.[1]);

/** Polls until `pid` is gone; the test's timeout is the hang guard. */
const gone = async (pid: number): Promise<void> => {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 20));
};

describe('test process helpers', () => {
  afterEach(stopAllServices);

  it('kills the process group when the process exits during start-up, and says how it exited', async () => {
    const seen: { service?: ServiceProcess } = {};
    const failed = startProcess({
      args: parentOfSleeper('setTimeout(() => process.exit(3), 50);'),
      ready: (service) => {
        seen.service = service;
        return Promise.resolve(false);
      },
    });
    await expect(failed).rejects.toThrow(/exited during start-up \(code 3[\s\S]*grandchild \d+/);
    const pid = grandchildPid(seen.service!);
    expect(pid).toBeGreaterThan(0);
    await gone(pid);
    expect(isAlive(pid)).toBe(false);
  });

  it('kills a process that never becomes ready once the readiness probe fails', async () => {
    const seen: { service?: ServiceProcess } = {};
    const failed = startProcess({
      args: parentOfSleeper('setInterval(() => {}, 1000);'),
      ready: (s) => {
        seen.service = s;
        if (grandchildPid(s) > 0) return Promise.reject(new Error('probe gave up'));
        return Promise.resolve(false);
      },
    });
    await expect(failed).rejects.toThrow('probe gave up');
    expect(seen.service!.child.signalCode).toBe('SIGKILL');
    const pid = grandchildPid(seen.service!);
    await gone(pid);
    expect(isAlive(pid)).toBe(false);
  });

  it('stopAllServices stops whatever a test left running, with its group', async () => {
    const service = await startProcess({ args: parentOfSleeper('setInterval(() => {}, 1000);') });
    while (!(grandchildPid(service) > 0)) await new Promise((r) => setTimeout(r, 20));
    const pid = grandchildPid(service);
    await stopAllServices();
    expect(service.child.signalCode).toBe('SIGKILL');
    await gone(pid);
    expect(isAlive(pid)).toBe(false);
  });
});
