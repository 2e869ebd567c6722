import { RevisionCache } from './revision-cache';

describe('RevisionCache', () => {
  it('computes once per dataset revision, shared by concurrent readers, and again when the revision moves', async () => {
    const cache = new RevisionCache();
    let computed = 0;
    const count = () => Promise.resolve(++computed);
    const at = (revision: string) => ({ id: 'd1', revision });
    expect(await Promise.all([cache.get(at('5'), 'count', count), cache.get(at('5'), 'count', count)])).toEqual([1, 1]);
    expect(await cache.get(at('6'), 'count', count)).toBe(2);
    expect(await cache.get({ id: 'd2', revision: '6' }, 'count', count)).toBe(3);
    expect(await cache.get(at('6'), 'other', count)).toBe(4);
    expect(computed).toBe(4);
  });

  it('does not remember a failure', async () => {
    const cache = new RevisionCache();
    const at = { id: 'd1', revision: '1' };
    await expect(cache.get(at, 'count', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get(at, 'count', () => Promise.resolve(7))).toBe(7);
  });

  it('holds values up to a total weight (entry rows), dropping the least recently used', async () => {
    const cache = new RevisionCache();
    let computed = 0;
    const page = () => Promise.resolve(Array.from({ length: 15_000 }, () => ++computed));
    const rows = (v: number[]) => v.length;
    await cache.get({ id: 'd1', revision: '1' }, 'page:1', page, rows);
    await cache.get({ id: 'd1', revision: '1' }, 'page:2', page, rows);
    expect(computed).toBe(30_000);
    await cache.get({ id: 'd1', revision: '1' }, 'page:2', page, rows);
    expect(computed).toBe(30_000);
    await cache.get({ id: 'd1', revision: '1' }, 'page:1', page, rows);
    expect(computed).toBe(45_000);
  });
});
