import { SerialLock } from './serial-lock';

describe('SerialLock', () => {
  it('runs sections one after another, in the order they were asked for, and returns their results', async () => {
    const lock = new SerialLock();
    const log: string[] = [];
    const section = (name: string, turns: number) => async () => {
      log.push(`${name} start`);
      for (let i = 0; i < turns; i++) await Promise.resolve();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([lock.run(section('a', 5)), lock.run(section('b', 1)), lock.run(section('c', 0))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('rejects the failing section only; the next one still runs', async () => {
    const lock = new SerialLock();
    const failed = lock.run(async () => {
      throw new Error('boom');
    });
    const next = lock.run(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
