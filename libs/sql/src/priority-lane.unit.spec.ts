import { PriorityLane } from './priority-lane';

/** A job that records when it ran and holds the lane until released. */
const held = () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
};

describe('PriorityLane', () => {
  it('runs one thing at a time', async () => {
    const lane = new PriorityLane();
    let running = 0;
    let most = 0;
    const step = (priority: 'service' | 'read') =>
      lane.run(priority, async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setImmediate(r));
        running--;
      });
    await Promise.all([step('service'), step('read'), step('service'), step('read'), step('service')]);
    expect(most).toBe(1);
  });

  it('gives queued service work its turn before queued reads, FIFO within each', async () => {
    const lane = new PriorityLane(8);
    const order: string[] = [];
    const first = held();
    const running = lane.run('service', () => first.gate);
    const queued = [
      lane.run('read', async () => void order.push('read 1')),
      lane.run('service', async () => void order.push('service 1')),
      lane.run('read', async () => void order.push('read 2')),
      lane.run('service', async () => void order.push('service 2')),
    ];
    first.release();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['service 1', 'service 2', 'read 1', 'read 2']);
  });

  it('lets a waiting read in after `readEvery` service turns in a row', async () => {
    const lane = new PriorityLane(2);
    const order: string[] = [];
    const first = held();
    const running = lane.run('service', () => first.gate);
    const queued = [lane.run('read', async () => void order.push('read'))];
    for (let i = 1; i <= 4; i++) queued.push(lane.run('service', async () => void order.push(`service ${i}`)));
    first.release();
    await Promise.all([running, ...queued]);
    // The first service turn was already running when the read queued: it counts.
    expect(order).toEqual(['service 1', 'read', 'service 2', 'service 3', 'service 4']);
  });

  it('by default alternates when both wait: a read waits for at most one service turn', async () => {
    const lane = new PriorityLane();
    const order: string[] = [];
    const first = held();
    const running = lane.run('service', () => first.gate);
    const queued = [
      lane.run('service', async () => void order.push('service 1')),
      lane.run('service', async () => void order.push('service 2')),
      lane.run('read', async () => void order.push('read 1')),
      lane.run('read', async () => void order.push('read 2')),
    ];
    first.release();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['read 1', 'service 1', 'read 2', 'service 2']);
  });

  it('frees the lane when the work throws', async () => {
    const lane = new PriorityLane();
    await expect(lane.run('read', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lane.run('service', async () => 'next')).resolves.toBe('next');
  });
});
